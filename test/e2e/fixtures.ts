/**
 * Playwright fixtures: one fake Slack per worker (reset before each test), one fresh Chromium
 * profile with the built extension per test, and helpers that act as an admin would.
 */
import { test as base, expect, type Page, type Worker } from '@playwright/test';
import { type FakeSlack, SANDBOX, startFakeSlack } from '../fake-slack';
import { type ExtensionBrowser, launchWithExtension } from '../support/launch-extension';

export const POPUP = 'src/popup/index.html';
export const OPTIONS = 'src/options/index.html';

export interface ExtensionFixture extends ExtensionBrowser {
  /** Errors and warnings the service worker printed during the test. */
  workerConsole: string[];
  /** Everything the service worker printed during the test. */
  workerLog: string[];
  page: (path: string) => Promise<Page>;
  worker: Worker;
  /** The settings page the extension opened itself on install (undefined if it did not). */
  installPage: Page | undefined;
}

export const test = base.extend<
  { extension: ExtensionFixture; browserLanguage: string },
  { fake: FakeSlack }
>({
  // English unless a spec says otherwise (`test.use({ browserLanguage: 'de' })`).
  browserLanguage: ['en', { option: true }],
  fake: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const fake = await startFakeSlack();
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ fake, browserLanguage }, use) => {
    fake.reset();
    const browser = await launchWithExtension({ fakePort: fake.port, lang: browserLanguage });
    const worker = await browser.serviceWorker();
    const workerConsole: string[] = [];
    const workerLog: string[] = [];
    worker.on('console', (message) => {
      workerLog.push(message.text());
      if (message.type() === 'error' || message.type() === 'warning')
        workerConsole.push(message.text());
    });
    const page = async (path: string) => {
      const tab = await browser.context.newPage();
      await tab.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return tab;
    };
    const installPage = await settingsOpenedOnInstall(browser);
    await use({ ...browser, worker, workerConsole, workerLog, page, installPage });
    await browser.close();
  },
});

export { expect };

/**
 * The install opens the settings page on its own; waiting for it keeps the tabs a test counts
 * (and a tab it opens, which the browser might otherwise take for it) the same from its first
 * line. Undefined after 5 s: a profile the extension was already installed in.
 */
export async function settingsOpenedOnInstall(browser: {
  context: ExtensionBrowser['context'];
  extensionId: string;
}): Promise<Page | undefined> {
  const optionsUrl = `chrome-extension://${browser.extensionId}/${OPTIONS}`;
  const isOptions = (p: Page) => p.url().startsWith(optionsUrl);
  // A new tab's URL is about:blank at first, so the tabs are polled rather than awaited.
  let installPage = browser.context.pages().find(isOptions);
  for (let waited = 0; !installPage && waited < 5000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    installPage = browser.context.pages().find(isOptions);
  }
  await installPage?.waitForLoadState('domcontentloaded');
  return installPage;
}

/** The names an admin reads on the token form, in each language the settings page speaks. */
const TOKEN_FORM_NAMES = {
  en: {
    token: 'Admin token',
    device: 'Keep on this device (encrypted)',
    session: 'Forget when the browser closes',
    passphrase: 'Lock with a passphrase',
    save: 'Save token',
  },
  de: {
    token: 'Admin-Token',
    device: 'Auf diesem Gerät behalten (verschlüsselt)',
    session: 'Vergessen, wenn der Browser geschlossen wird',
    passphrase: 'Mit einer Passphrase sperren',
    save: 'Token speichern',
  },
};

/** Saves a token through the options page, as an admin does. */
export async function saveToken(
  options: Page,
  token: string,
  mode: 'device' | 'session' | 'passphrase' = 'device',
  passphrase?: string,
): Promise<void> {
  // The page says which language it speaks: a German browser gets the German form.
  const lang = (await options.locator('html').getAttribute('lang')) ?? 'en';
  const names = TOKEN_FORM_NAMES[lang.startsWith('de') ? 'de' : 'en'];
  await options.getByLabel(names.token, { exact: true }).fill(token);
  await options.getByRole('radio', { name: names[mode] }).check();
  if (passphrase) await options.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await options.getByRole('button', { name: names.save }).click();
}

/** Opens the settings and saves the sandbox admin token; resolves once Slack confirmed it. */
export async function optionsWithAdminToken(
  extension: ExtensionFixture,
  mode: 'device' | 'session' | 'passphrase' = 'device',
): Promise<Page> {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin, mode);
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  return options;
}

/** The sandbox workspace's "Manage members" page, where the content script places controls. */
export const WORKSPACE_ADMIN = `https://${SANDBOX.teams.eng.domain}.slack.com/admin`;

/** The popup, opened after the admin token was saved (and its settings tab closed). */
export async function popupWithToken(extension: ExtensionFixture): Promise<Page> {
  await (await optionsWithAdminToken(extension)).close();
  return extension.page(POPUP);
}

/** Opens the workspace's member list; resolves once the content script has placed a control. */
export async function openWorkspaceAdmin(extension: ExtensionFixture): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(WORKSPACE_ADMIN);
  await expect(page.locator('[data-ssa-user]').first()).toBeAttached();
  return page;
}

/** A real mouse click in the middle of a member's control (its shadow root is closed to scripts). */
export async function clickControl(page: Page, userId: string): Promise<void> {
  const host = page.locator(`[data-ssa-user="${userId}"]`).first();
  await host.scrollIntoViewIfNeeded();
  const box = await host.boundingBox();
  if (!box) throw new Error(`No control for ${userId}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Asks the background directly, as an extension page does (for set-up and checks). */
export async function askBackground<T = unknown>(
  page: Page,
  message: Record<string, unknown>,
): Promise<T> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<T>;
}

/** The active org's token ID, which the popup's resets carry (from an extension page). */
export async function activeTokenId(page: Page): Promise<string> {
  const reply = await askBackground<{ ok: boolean; value: { activeId?: string } }>(page, {
    type: 'ui/tokens/list',
  });
  if (!reply.value.activeId) throw new Error('No token is active.');
  return reply.value.activeId;
}

/**
 * The sandbox's workspace pages are not the org's own address: the first confirmation asked
 * from one asks which saved org it belongs to. Picks the sandbox org and waits for the members.
 */
export async function chooseSandboxOrg(confirm: Page): Promise<void> {
  await confirm.getByRole('radio', { name: SANDBOX.enterprise.name }).check();
  await expect(confirm.getByRole('listitem').first()).toBeVisible();
}

export async function savedTokenCount(page: Page): Promise<number> {
  const reply = await askBackground<{ ok: boolean; value: { tokens: unknown[] } }>(page, {
    type: 'ui/tokens/list',
  });
  return reply.value.tokens.length;
}

interface ClickInfo {
  menuItemId: string;
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
}

/** Runs the extension's real onClicked listener, as a right-click on that text or link would. */
export async function rightClick(worker: Worker, info: ClickInfo): Promise<void> {
  await worker.evaluate(
    (clicked) =>
      (
        chrome.contextMenus.onClicked as unknown as { dispatch: (i: unknown, t: unknown) => void }
      ).dispatch(
        { editable: false, pageUrl: 'https://tickets.example/INC-1', ...clicked },
        { id: 1, index: 0, windowId: 1, url: 'https://tickets.example/INC-1' },
      ),
    info,
  );
}

/**
 * Stops the service worker, as the browser does when it is idle, and wakes it again with a
 * message from `page` (an extension page): what follows runs in a fresh worker.
 */
export async function restartServiceWorker(extension: ExtensionFixture, page: Page): Promise<void> {
  const cdp = await extension.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  // Something may wake it again at once (the page's own requests); that is a restart too.
  await expect
    .poll(
      async () => {
        if (!statuses.includes('stopped')) await cdp.send('ServiceWorker.stopAllWorkers');
        return statuses.includes('stopped');
      },
      { timeout: 15_000, intervals: [1_000] },
    )
    .toBe(true);
  // Any event wakes it again: here, a message from the page.
  await askBackground(page, { type: 'ui/tokens/list' });
  await expect
    .poll(() => statuses.lastIndexOf('running') > statuses.indexOf('stopped'), { timeout: 10_000 })
    .toBe(true);
  await cdp.detach();
}
