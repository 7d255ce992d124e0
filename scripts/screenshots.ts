/**
 * `npm run screenshots`: the README's pictures of the popup's member view, taken from the
 * sandbox org in headless Chromium: at the popup's 400 px in light and dark mode, and at
 * 200 % zoom.
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
} finally {
  await browser.close().catch(() => undefined);
  await fake.close();
}
