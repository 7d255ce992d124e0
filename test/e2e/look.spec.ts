/**
 * How every extension page reads: WCAG AA contrast and the other WCAG 2 A/AA rules axe-core
 * checks, in light and dark mode; no text or control below 12 px; and at 200 % zoom the
 * confirmation window and the settings page keep what matters in view, uncovered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import {
  activeTokenId,
  askBackground,
  type ExtensionFixture,
  expect,
  OPTIONS,
  optionsWithAdminToken,
  POPUP,
  rightClick,
  saveToken,
  test,
} from './fixtures';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const BULK = 'src/bulk/index.html';
const SESSIONS = 'src/sessions/index.html';
const ADA = SANDBOX.users.ada;
const SCHEMES = ['light', 'dark'] as const;

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Every WCAG 2 A and AA violation axe-core finds on the page as it is now, one line a node. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the extension's CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations.flatMap((v) =>
    v.nodes.map((n) =>
      `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim(),
    ),
  );
}

/** Visible elements holding text of their own, and form controls, computed below 12 px. */
async function tooSmall(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const control = el.matches('input, select, textarea, button');
      const text = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!control && !text) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers only.
      if (box.width <= 1 || box.height <= 1) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      if (size < 12) {
        const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`;
        found.push(
          `${name} ${size}px “${(text || el.getAttribute('aria-label') || '').slice(0, 40)}”`,
        );
      }
    }
    return found;
  });
}

/** Both checks, in light then in dark mode; `what` names the page in a failure. */
async function checkLook(page: Page, what: string): Promise<void> {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Let transitions (the progress bar's) and repaint settle before measuring colours.
    await page.waitForTimeout(350);
    expect(await axeViolations(page), `${what}, ${colorScheme} mode`).toEqual([]);
    expect(await tooSmall(page), `${what}, ${colorScheme} mode: text below 12 px`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box`);
  return found;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Opens the confirmation window for these members, as a right-click on their IDs does. */
async function confirmFor(extension: ExtensionFixture, ids: string[]): Promise<Page> {
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: ids.join(' '),
  });
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toHaveCount(ids.length);
  return confirm;
}

function generatedIds(fake: { org: { members: Map<string, unknown> } }, count: number): string[] {
  return [...fake.org.members.keys()]
    .filter((id) => id.startsWith(SANDBOX.generatedPrefix))
    .slice(0, count);
}

test('the popup, with a member’s sessions shown, reads well in light and dark mode', async ({
  extension,
}) => {
  await (await optionsWithAdminToken(extension)).close();
  const popup = await extension.page(POPUP);
  await popup.setViewportSize({ width: 400, height: 700 });
  await popup.getByLabel('User').fill(ADA);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const card = popup.getByRole('region', { name: `Active sessions of Ada Lovelace (${ADA})` });
  await expect(card.getByRole('button', { name: 'Invalidate' }).first()).toBeVisible();
  await expect(popup.getByRole('group', { name: 'Session policy' })).toBeVisible();
  await checkLook(popup, 'popup member view');

  // The in-popup confirmation step, with its warning.
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await expect(popup.getByRole('button', { name: 'Confirm reset' })).toBeVisible();
  await checkLook(popup, 'popup confirmation step');
});

test('the confirmation window reads well in light and dark mode', async ({ extension }) => {
  await optionsWithAdminToken(extension);
  const confirm = await confirmFor(extension, [ADA, SANDBOX.users.grace]);
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeEnabled();
  await checkLook(confirm, 'confirmation window');
});

test('the settings page, with a saved token, its warnings and Activity entries, reads well in light and dark mode', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.noEmail);
  const status = options.getByRole('status');
  await expect(status).toContainText(/lacks users:read\.email/);
  for (const userId of [ADA, SANDBOX.users.bot]) {
    await askBackground(options, {
      type: 'ui/sessions/reset',
      tokenId: await activeTokenId(options),
      userId,
      scope: 'all',
      source: 'popup',
    });
  }
  const rows = options.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Failed');
  await checkLook(options, 'settings page');
});

test('the settings page before any token, with the Slack app steps and manifest open, reads well in light and dark mode', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await expect(options.getByRole('button', { name: 'Copy app manifest' })).toBeVisible();
  await options.getByText('Show the app manifest').click();
  await expect(options.getByLabel('Slack app manifest')).toHaveValue(/"org_deploy_enabled": true/);
  await checkLook(options, 'settings page, first run');
});

test('a token’s missing scope is said as a warning, not as a success', async ({ extension }) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin);
  const status = options.getByRole('status');
  await expect(status).toContainText(SANDBOX.enterprise.name);
  const success = await status.evaluate((el) => getComputedStyle(el).color);
  await saveToken(options, SANDBOX.tokens.noEmail);
  await expect(status).toContainText(/lacks users:read\.email/);
  const warning = status.getByText(/lacks users:read\.email/);
  // Not told by colour alone: the warning carries a mark a screen reader and a colour-blind
  // reader both get.
  await expect(status).toContainText('Warning');
  expect(await warning.evaluate((el) => getComputedStyle(el).color)).not.toBe(success);
});

test('the bulk page reads well in light and dark mode, before and after a job', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.page(BULK);
  await page
    .getByLabel('Users')
    .fill([ADA, SANDBOX.users.grace, SANDBOX.users.bot, 'hello there'].join('\n'));
  await expect(page.getByText('not understood (left out)')).toBeVisible();
  await checkLook(page, 'bulk page, preview');
  await page.getByRole('button', { name: 'Start bulk reset' }).click();
  await expect(page.getByRole('button', { name: 'Confirm reset' })).toBeVisible();
  await checkLook(page, 'bulk page, confirmation step');
  await page.getByRole('button', { name: 'Confirm reset' }).click();
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuenow', '3', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Export results' })).toBeVisible();
  await checkLook(page, 'bulk page, finished job');
});

test('the sessions page reads well in light and dark mode, loaded and filtered', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const page = await extension.page(SESSIONS);
  await checkLook(page, 'sessions page, empty');
  await page.getByRole('button', { name: 'Load sessions' }).click();
  const summary = page.getByRole('status', { name: 'Matching sessions' });
  await expect(summary).toHaveText(/sessions of .* match: all that were loaded/, {
    timeout: 30_000,
  });
  await page.getByLabel('IP address or range').fill('203.0.113.0/33');
  await expect(summary).toContainText('is not understood');
  await page.getByLabel('IP address or range').fill('');
  await page.getByLabel('IP changed since sign-in').check();
  await checkLook(page, 'sessions page, loaded');
});

test('at 200 % zoom the confirmation window keeps who, what and which org above its buttons', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  // Ten members: the window is opened at its tallest (680 px), 340 CSS px at 200 %.
  const ids = [ADA, SANDBOX.users.longId, ...generatedIds(fake, 8)];
  const confirm = await confirmFor(extension, ids);
  // 200 % zoom halves the CSS pixels of the 480 px wide window.
  await confirm.setViewportSize({ width: 240, height: 340 });
  const confirmButton = confirm.getByRole('button', { name: 'Confirm reset' });
  const cancel = confirm.getByRole('button', { name: 'Cancel' });
  await expect(confirmButton).toBeEnabled();

  const heading = confirm.getByRole('heading', { name: 'Reset Slack sessions' });
  const what = confirm.getByText(/^These 10 members of .* will be signed out/);
  const org = what.getByText(SANDBOX.enterprise.name, { exact: true });
  const list = confirm
    .getByRole('list')
    .filter({ has: confirm.getByRole('listitem') })
    .first();
  for (const shown of [heading, what, org, list]) await expect(shown).toBeVisible();

  const buttons = [await box(confirmButton), await box(cancel)];
  const above = {
    heading: await box(heading),
    'action text': await box(what),
    'org name': await box(org),
    'member list': await box(list),
  };
  for (const [name, b] of Object.entries(above)) {
    for (const button of buttons) {
      expect(b.y + b.height, `${name} ends above the buttons`).toBeLessThanOrEqual(button.y);
      expect(overlap(b, button), `${name} overlaps a button`).toBe(false);
    }
  }
  // The list scrolls in its own box: all ten members stay in the page, the buttons near them.
  expect(above['member list'].height).toBeLessThan(340 / 2);
  expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  expect(overlap(above['action text'], above['member list'])).toBe(false);
  expect(overlap(buttons[0]!, buttons[1]!)).toBe(false);

  // Nothing is wider than the window, and each button can be reached and pressed.
  expect(
    await confirm.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
  ).toBe(true);
  for (const button of [confirmButton, cancel]) {
    await button.scrollIntoViewIfNeeded();
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  expect(await tooSmall(confirm)).toEqual([]);
});

test('at 200 % zoom the settings page’s messages never cover the Admin token input', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  // A 1280 × 800 window at 200 %.
  await options.setViewportSize({ width: 640, height: 400 });
  await saveToken(options, SANDBOX.tokens.noEmail);
  await expect(options.getByRole('status')).toContainText(/lacks users:read\.email/);
  const input = options.getByLabel('Admin token');
  // Scrolled to the top of the view, where a sticky banner would sit over it.
  await input.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(input).toBeInViewport();
  const inputBox = await box(input);
  for (const region of [options.getByRole('status'), options.getByRole('alert')]) {
    const regionBox = await region.boundingBox();
    if (regionBox) expect(overlap(regionBox, inputBox), 'a message covers the input').toBe(false);
  }
  const onTop = await input.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === el;
  });
  expect(onTop, 'the Admin token input is the topmost element at its centre').toBe(true);
  expect(
    await options.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
  ).toBe(true);
});
