/**
 * The main flows in Firefox, with the Firefox build (dist-firefox/) as a user installs it:
 * the settings page, the popup, the buttons on Slack's admin pages, the confirmation window,
 * the right-click menu and Activity with its export.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { SANDBOX } from '../fake-slack';
import {
  allByRole,
  byRole,
  clickByRole,
  fieldByLabel,
  fillByLabel,
  textOf,
} from './support/by-role';
import { chooseFromContextMenu } from './support/context-menu';
import {
  CONFIRM,
  type FirefoxRun,
  OPTIONS,
  popupWithToken,
  saveAdminToken,
  untilGone,
  useFirefox,
} from './support/firefox-fixture';
import { findExtensionPage, openExtensionPage } from './support/launch-firefox';

const GECKO_ID = 'session-admin-for-slack@extension';
const WORKSPACE_ADMIN = `https://${SANDBOX.teams.eng.domain}.slack.com/admin`;
const ORG_PEOPLE = `https://app.slack.com/manage/${SANDBOX.enterprise.id}/people`;

const run = useFirefox();

const resetParams = () => run.fake.requestsFor('admin.users.session.reset').map((r) => r.params);

/** A real mouse click in the middle of a member's control (its shadow root is closed). */
async function clickControl(page: Page, userId: string): Promise<void> {
  const host = await page.waitForSelector(`[data-ssa-user="${userId}"]`, { timeout: 15_000 });
  await host!.scrollIntoView();
  const box = await host!.boundingBox();
  if (!box) throw new Error(`The control for ${userId} is not shown.`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/**
 * In the confirmation window the page opened: checks it names `who`, picks the sandbox org if
 * the window asks which org the page belongs to, confirms once Confirm is armed, and returns
 * the window once it reports the outcome.
 */
async function confirmInWindow(firefox: FirefoxRun['firefox'], who: string): Promise<Page> {
  const confirm = await findExtensionPage(firefox.browser, CONFIRM);
  await confirm.bringToFront();
  const org = await confirm.$(`::-p-aria([name="${SANDBOX.enterprise.name}"][role="radio"])`);
  if (org) await org.click();
  await expect.poll(() => textOf(confirm, 'listitem')).toContain(who);
  await clickByRole(confirm, 'button', 'Confirm reset');
  await expect.poll(() => textOf(confirm, 'status')).toContain(`Signed ${who}`);
  return confirm;
}

describe('Firefox: settings and popup', () => {
  test('saving the admin token names the org and the admin; a bot token is refused', async () => {
    const options = await openExtensionPage(run.firefox.browser, OPTIONS);
    await fillByLabel(options, 'Admin token', SANDBOX.tokens.bot, '');
    await clickByRole(options, 'button', 'Save token');
    await expect.poll(() => textOf(options, 'alert')).toMatch(/bot token/i);

    await fillByLabel(options, 'Admin token', SANDBOX.tokens.admin, '');
    await clickByRole(options, 'button', 'Save token');
    await expect.poll(() => textOf(options, 'status')).toContain(SANDBOX.enterprise.name);
    expect(await textOf(options, 'status')).toContain('riley.admin');
    const field = await fieldByLabel(options, 'Admin token', '');
    expect(await field.evaluate((input) => (input as HTMLInputElement).value)).toBe('');
    await expect.poll(() => textOf(options, 'group', undefined)).toContain('xoxp-…0001');
    expect(run.fake.requestsFor('auth.test').map((r) => r.token)).toEqual([SANDBOX.tokens.admin]);
  });

  test('a reset from the popup is confirmed, sent once and named in the outcome', async () => {
    const popup = await popupWithToken(run);
    await fillByLabel(popup, 'User', SANDBOX.users.ada);
    await clickByRole(popup, 'button', 'Reset sessions');
    await expect
      .poll(() => popup.evaluate(() => document.body.textContent))
      .toMatch(/Ada Lovelace.*will be signed out|will be signed out.*Ada Lovelace/s);
    expect(resetParams()).toEqual([]);
    await clickByRole(popup, 'button', 'Confirm reset');
    await expect
      .poll(() => textOf(popup, 'status'))
      .toContain(`Ada Lovelace (${SANDBOX.users.ada})`);
    expect(resetParams()).toEqual([{ user_id: SANDBOX.users.ada }]);
    expect(run.fake.sessionsOf(SANDBOX.users.ada)).toEqual([]);
  });

  test('Show sessions lists a member’s sessions, and Invalidate ends exactly that one', async () => {
    const popup = await popupWithToken(run);
    const before = run.fake.sessionsOf(SANDBOX.users.ada).map((s) => String(s.session_id));
    expect(before).toHaveLength(3);
    await fillByLabel(popup, 'User', SANDBOX.users.ada);
    await clickByRole(popup, 'button', 'Show sessions');
    // A header row, then one row per session.
    await expect.poll(async () => (await allByRole(popup, 'row')).length).toBe(4);

    const target = before[1]!;
    const row = await popup.waitForSelector(`tr[data-session-id="${target}"]`);
    await clickByRole(row!, 'button', 'Invalidate');
    await clickByRole(row!, 'button', 'Confirm invalidate');
    await expect.poll(async () => (await allByRole(popup, 'row')).length).toBe(3);
    await expect.poll(() => textOf(popup, 'status')).toContain(target);
    const invalidations = run.fake.requestsFor('admin.users.session.invalidate');
    expect(invalidations.map((r) => r.params)).toEqual([
      expect.objectContaining({ session_id: target, user_id: SANDBOX.users.ada }),
    ]);
    expect(run.fake.sessionsOf(SANDBOX.users.ada).map((s) => String(s.session_id))).toEqual(
      before.filter((id) => id !== target),
    );
  });
});

describe('Firefox: Slack admin pages and the confirmation window', () => {
  test('the button on the workspace member list confirms in a window and resets once', async () => {
    await (await saveAdminToken(run)).close();
    const admin = await run.firefox.browser.newPage();
    await admin.goto(WORKSPACE_ADMIN);
    await clickControl(admin, SANDBOX.users.ada);
    const confirm = await confirmInWindow(run.firefox, 'Ada Lovelace');
    expect(await textOf(confirm, 'main')).toContain(`${SANDBOX.teams.eng.domain}.slack.com`);
    expect(resetParams()).toEqual([{ user_id: SANDBOX.users.ada }]);
  });

  test('the button on the org People table confirms in a window and resets once', async () => {
    await (await saveAdminToken(run)).close();
    const people = await run.firefox.browser.newPage();
    await people.goto(ORG_PEOPLE);
    await clickControl(people, SANDBOX.users.grace);
    await confirmInWindow(run.firefox, 'Grace Hopper');
    expect(resetParams()).toEqual([{ user_id: SANDBOX.users.grace }]);
  });

  test('the right-click item on a selected user ID confirms in a window and resets once', async () => {
    await (await saveAdminToken(run)).close();
    const page = await run.firefox.browser.newPage();
    await page.goto(`https://${SANDBOX.teams.eng.domain}.slack.com/team/${SANDBOX.users.ada}`);
    await page.bringToFront();
    const point = await page.evaluate((userId) => {
      const line = document.createElement('p');
      line.textContent = `Ticket INC-7: ${userId}`;
      line.style.fontSize = '32px';
      document.body.prepend(line);
      const text = line.firstChild!;
      const selected = document.createRange();
      selected.setStart(text, 'Ticket INC-7: '.length);
      selected.setEnd(text, text.textContent!.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(selected);
      const box = selected.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }, SANDBOX.users.ada);
    const title = await chooseFromContextMenu(
      run.firefox.browser,
      page,
      point,
      GECKO_ID,
      'reset-sessions',
    );
    expect(title).toBe(`Reset Slack sessions for “${SANDBOX.users.ada}”`);
    await confirmInWindow(run.firefox, 'Ada Lovelace');
    expect(resetParams()).toEqual([{ user_id: SANDBOX.users.ada }]);
  });
});

describe('Firefox: Activity', () => {
  test('Activity lists the popup’s resets newest first, and Export CSV downloads them', async () => {
    const popup = await popupWithToken(run);
    for (const userId of [SANDBOX.users.ada, SANDBOX.users.grace]) {
      await fillByLabel(popup, 'User', userId);
      await clickByRole(popup, 'button', 'Reset sessions');
      await clickByRole(popup, 'button', 'Confirm reset');
      await untilGone(popup, 'button', 'Confirm reset');
    }
    await expect.poll(() => textOf(popup, 'status')).toContain('Grace Hopper');

    const options = await openExtensionPage(run.firefox.browser, OPTIONS);
    const table = await byRole(options, 'table');
    await expect.poll(async () => (await allByRole(table, 'row')).length).toBe(3);
    const rows = await allByRole(table, 'row');
    const rowText = (i: number) => rows[i]!.evaluate((r) => (r as HTMLElement).textContent);
    expect(await rowText(1)).toContain('Grace Hopper');
    expect(await rowText(2)).toContain('Ada Lovelace');

    await clickByRole(options, 'button', 'Export CSV');
    const csv = await downloaded(run.firefox.downloadDir);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('User ID');
    expect(lines[1]).toContain(SANDBOX.users.grace);
    expect(lines[2]).toContain(SANDBOX.users.ada);
    expect(csv).not.toContain(SANDBOX.tokens.admin);
  });
});

/** The one finished file in the download folder (Firefox writes a .part file first). */
async function downloaded(dir: string): Promise<string> {
  let name: string | undefined;
  await expect
    .poll(() => {
      const files = readdirSync(dir);
      name = files.find((f) => f.endsWith('.csv'));
      return Boolean(name) && !files.some((f) => f.endsWith('.part'));
    })
    .toBe(true);
  return readFileSync(join(dir, name!), 'utf8');
}
