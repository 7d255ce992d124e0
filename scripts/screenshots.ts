/**
 * `npm run screenshots`: the README's pictures of every page, taken from the sandbox org in
 * headless Chromium: the popup's member view at 400 px in light and dark mode and at 200 %
 * zoom, the popup's confirmation, the confirmation window before and after, the settings page
 * with Activity, an admin page with its controls, the bulk page and the sessions page.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SANDBOX, startFakeSlack } from '../test/fake-slack';
import { launchWithExtension } from '../test/support/launch-extension';

const OUT = 'docs';
const fake = await startFakeSlack();
const browser = await launchWithExtension({ fakePort: fake.port, headless: true });
const url = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

async function memberView(page: Page): Promise<void> {
  await page.goto(url('src/popup/index.html'));
  await page.getByLabel('User').fill(SANDBOX.users.ada);
  await page.getByRole('button', { name: 'Show sessions' }).click();
  await page.getByRole('table').waitFor();
  await page.getByText(/^Now: /).waitFor();
}

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url(path));
  return page;
}

/** The confirmation window as a right-click on these IDs opens it (the real menu listener). */
async function confirmationFor(text: string): Promise<Page> {
  const worker = await browser.serviceWorker();
  const opened = browser.context.waitForEvent('page');
  await worker.evaluate(
    (selectionText) =>
      (
        chrome.contextMenus.onClicked as unknown as { dispatch: (i: unknown, t: unknown) => void }
      ).dispatch(
        { menuItemId: 'reset-sessions', editable: false, selectionText },
        { id: 1, index: 0, windowId: 1, url: 'https://tickets.example/INC-1' },
      ),
    text,
  );
  const page = await opened;
  await page.setViewportSize({ width: 480, height: 560 });
  await page.getByRole('button', { name: 'Confirm reset' }).waitFor();
  return page;
}

const U = SANDBOX.users;
const INCIDENT = `${U.ada} ${U.grace} ${U.bot} ${U.primaryOwner} U0NOBODY001`;

const PAGES: Record<string, () => Promise<Page>> = {
  'popup-confirm.png': async () => {
    const page = await open('src/popup/index.html', 400, 500);
    await page.getByLabel('User').fill(U.grace);
    await page.getByRole('button', { name: 'Reset sessions' }).click();
    await page.getByRole('button', { name: 'Confirm reset' }).waitFor();
    return page;
  },
  'confirmation.png': () => confirmationFor(INCIDENT),
  'confirmation-outcome.png': async () => {
    const page = await confirmationFor(INCIDENT);
    await page.waitForTimeout(1_200); // the arming delay
    await page.getByRole('button', { name: 'Confirm reset' }).click();
    await page.getByRole('button', { name: 'Copy results' }).waitFor();
    return page;
  },
  'settings.png': () => open('src/options/index.html', 1000, 800),
  'admin-page.png': async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 600 });
    await page.goto(`https://${SANDBOX.teams.eng.domain}.slack.com/admin`);
    await page.locator('[data-ssa-user]').first().waitFor({ state: 'attached' });
    return page;
  },
  'bulk.png': async () => {
    const page = await open('src/bulk/index.html', 900, 700);
    await page.getByLabel('Users').fill([U.ada, U.grace, U.someone, 'not a member'].join('\n'));
    await page.getByText('not understood (left out)').waitFor();
    return page;
  },
  'sessions.png': async () => {
    const page = await open('src/sessions/index.html', 1100, 700);
    await page.getByRole('button', { name: 'Load sessions' }).click();
    await page
      .getByRole('status', { name: 'Matching sessions' })
      .getByText(/all that were loaded/)
      .waitFor({ timeout: 60_000 });
    return page;
  },
};

try {
  mkdirSync(OUT, { recursive: true });
  const options = await browser.context.newPage();
  await options.goto(url('src/options/index.html'));
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.admin);
  await options.getByRole('button', { name: 'Save token' }).click();
  await options.getByRole('status').filter({ hasText: SANDBOX.enterprise.name }).waitFor();
  await options.close();

  const shots: { file: string; scheme: 'light' | 'dark'; zoom: number }[] = [
    { file: 'member-view.png', scheme: 'light', zoom: 1 },
    { file: 'member-view-dark.png', scheme: 'dark', zoom: 1 },
    { file: 'member-view-200.png', scheme: 'light', zoom: 2 },
  ];
  for (const shot of shots) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: shot.scheme });
    // Chrome zooms a popup by drawing its 400 px body larger, up to an 800 px wide window.
    await page.setViewportSize({ width: 400 * shot.zoom, height: 600 });
    await memberView(page);
    if (shot.zoom !== 1)
      await page.evaluate((zoom) => {
        document.documentElement.style.zoom = String(zoom);
      }, shot.zoom);
    await page.screenshot({ path: `${OUT}/${shot.file}`, fullPage: true });
    await page.close();
    console.log(`${OUT}/${shot.file}`);
  }
  for (const [file, take] of Object.entries(PAGES)) {
    const page = await take();
    await page.screenshot({ path: `${OUT}/${file}`, fullPage: true });
    await page.close();
    console.log(`${OUT}/${file}`);
  }
} finally {
  await browser.close().catch(() => undefined);
  await fake.close();
}
