/**
 * One fake Slack and its proxy per test file, a fresh Firefox profile with the extension per
 * test, and the steps an admin takes that several tests begin with.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { type FakeSlack, SANDBOX, startFakeSlack } from '../../fake-slack';
import { type byRole, clickByRole, fillByLabel, textOf } from './by-role';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './launch-firefox';
import { type SlackProxy, startSlackProxy } from './slack-proxy';

export const POPUP = 'src/popup/index.html';
export const OPTIONS = 'src/options/index.html';
export const CONFIRM = 'src/confirm/index.html';

export interface FirefoxRun {
  fake: FakeSlack;
  firefox: FirefoxWithExtension;
}

/** Registers the hooks; the returned object holds this test's fake and Firefox. */
export function useFirefox(): FirefoxRun {
  const run = {} as FirefoxRun;
  let proxy: SlackProxy | undefined;
  beforeAll(async () => {
    run.fake = await startFakeSlack();
    proxy = await startSlackProxy(run.fake.port);
  });
  beforeEach(async () => {
    run.fake.reset();
    run.firefox = await launchFirefoxWithExtension({ pacUrl: proxy!.pacUrl });
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const ours = run.firefox.output.filter((line) => /moz-extension:|console\./.test(line));
      console.log(`Firefox console during “${context.task.name}”:\n${ours.join('\n')}`);
    }
    await run.firefox.close();
  });
  afterAll(async () => {
    await proxy?.close();
    await run.fake?.close();
  });
  return run;
}

/** Saves the sandbox admin token on the settings page; resolves once Slack confirmed it. */
export async function saveAdminToken(run: FirefoxRun) {
  const options = await openExtensionPage(run.firefox.browser, OPTIONS);
  await fillByLabel(options, 'Admin token', SANDBOX.tokens.admin, '');
  await clickByRole(options, 'radio', 'Keep on this device (encrypted)');
  await clickByRole(options, 'button', 'Save token');
  await expect
    .poll(() => textOf(options, 'status'), { timeout: 15_000 })
    .toContain(SANDBOX.enterprise.name);
  return options;
}

/** The popup (in a tab), after the admin token was saved. */
export async function popupWithToken(run: FirefoxRun) {
  const options = await saveAdminToken(run);
  await options.close();
  return openExtensionPage(run.firefox.browser, POPUP);
}

/** Waits for the element of `role` named `name` to be gone (it may be taken out or renamed). */
export async function untilGone(
  scope: Parameters<typeof byRole>[0],
  role: string,
  name: string,
): Promise<void> {
  await expect
    .poll(async () => (await scope.$(`::-p-aria([name="${name}"][role="${role}"])`)) === null)
    .toBe(true);
}
