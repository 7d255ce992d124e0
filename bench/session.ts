/** One Chromium with the extension loaded, a saved sandbox token, and ways to talk to it. */
import type { Page, Worker } from '@playwright/test';
import { type FakeSlack, SANDBOX } from '../test/fake-slack';
import { type ExtensionBrowser, launchWithExtension } from '../test/support/launch-extension';

export interface BenchSession {
  browser: ExtensionBrowser;
  worker: Worker;
  url(path: string): string;
  /** A fresh tab on an extension page. */
  open(path: string): Promise<Page>;
  chromiumVersion: string;
}

export async function startSession(
  fake: FakeSlack,
  extensionDir: string,
  userDataDir: string,
): Promise<BenchSession> {
  const browser = await launchWithExtension({ fakePort: fake.port, extensionDir, userDataDir });
  try {
    const worker = await browser.serviceWorker();
    const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
    const open = async (path: string) => {
      const page = await browser.context.newPage();
      await page.goto(url(path));
      return page;
    };
    const probe = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(probe);
    const version = (await cdp.send('Browser.getVersion')) as { product: string };
    await cdp.detach();
    await probe.close();
    return { browser, worker, url, open, chromiumVersion: version.product };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Asks the background as an extension page does. */
export function askBackground<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** Saves the sandbox admin token through the options page, kept encrypted on this device. */
export async function saveAdminToken(session: BenchSession, optionsPage: string): Promise<void> {
  const options = await session.open(optionsPage);
  try {
    await options.getByLabel('Admin token').fill(SANDBOX.tokens.admin);
    await options.getByRole('radio', { name: 'Keep on this device (encrypted)' }).check();
    await options.getByRole('button', { name: 'Save token' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Token saved' })
      .waitFor({ timeout: 15_000 });
  } finally {
    await options.close();
  }
}

/** Fails unless the saved token still works against the fake (after a fake.reset(), say). */
export async function checkTokenWorks(page: Page): Promise<void> {
  const reply = await askBackground<Reply<{ userId: string }>>(page, {
    type: 'ui/member/resolve',
    input: SANDBOX.users.ada,
  });
  if (!reply.ok || reply.value?.userId !== SANDBOX.users.ada) {
    throw new Error(`the saved token no longer works: ${JSON.stringify(reply.error)}`);
  }
}
