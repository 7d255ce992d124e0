import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { controlParts } from './closed-shadow';
import {
  activeTokenId,
  askBackground,
  chooseSandboxOrg,
  clickControl,
  type ExtensionFixture,
  expect,
  OPTIONS,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  POPUP,
  rightClick,
  saveToken,
  test,
} from './fixtures';

const ADA = SANDBOX.users.ada;
const LIST = 'admin.users.session.list';
const RESET = 'admin.users.session.reset';
const SIGNED_OUT = 'Ada Lovelace is signed out: no active sessions remain.';

async function popupWithToken(extension: ExtensionFixture): Promise<Page> {
  await (await optionsWithAdminToken(extension)).close();
  const popup = await extension.page(POPUP);
  await popup.setViewportSize({ width: 400, height: 700 });
  return popup;
}

/** Slack was asked for the member's sessions after their reset, not only before it. */
function listedAfterReset(fake: {
  requests: { method: string; params: Record<string, string> }[];
}) {
  const resetAt = fake.requests.findIndex((r) => r.method === RESET);
  expect(resetAt).toBeGreaterThanOrEqual(0);
  return fake.requests
    .slice(resetAt + 1)
    .filter((r) => r.method === LIST && r.params.user_id === ADA);
}

async function resetFromPopup(popup: Page, radio = 'All devices'): Promise<void> {
  await popup.getByLabel('User').fill(ADA);
  await popup.getByRole('radio', { name: radio }).check();
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
}

test('a reset from the popup lists the member again and says no active sessions remain', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  expect(fake.sessionsOf(ADA).length).toBeGreaterThan(0);
  await resetFromPopup(popup);
  await expect(popup.getByRole('status')).toContainText(SIGNED_OUT);
  expect(listedAfterReset(fake).length).toBeGreaterThan(0);
  // The member view shows what the fresh listing found.
  const card = popup.getByRole('region', { name: `Active sessions of Ada Lovelace (${ADA})` });
  await expect(card.getByText('No active sessions', { exact: true })).toBeVisible();

  // The recent action links to its full row of Activity, in view and focused.
  const recent = popup.getByRole('region', { name: 'Recent actions' });
  const opened = extension.context.waitForEvent('page');
  await recent
    .getByRole('link', { name: /Reset Ada Lovelace/ })
    .first()
    .click();
  const settings = await opened;
  const row = settings
    .getByRole('row')
    .filter({ has: settings.getByText(ADA) })
    .first();
  await expect(row).toBeFocused();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toContainText('no active sessions remain');
  await expect(row).toBeInViewport();
});

test('a web-only reset names the mobile session that remains', async ({ extension, fake }) => {
  const popup = await popupWithToken(extension);
  await resetFromPopup(popup, 'Web only');
  const status = popup.getByRole('status');
  await expect(status).toContainText(
    'Ada Lovelace is signed out of web browsers and the desktop app: 1 mobile session remains, which Web only leaves signed in: Mobile app on iOS 17.2 (iPhone15,2)',
  );
  expect(fake.sessionsOf(ADA)).toHaveLength(1);
  const card = popup.getByRole('region', { name: /Active sessions of Ada Lovelace/ });
  await expect(card.getByRole('button', { name: 'Invalidate' })).toHaveCount(1);
  const sessionRows = card
    .getByRole('row')
    .filter({ has: popup.getByRole('button', { name: 'Invalidate' }) });
  await expect(sessionRows).toHaveCount(1);
  await expect(sessionRows).toContainText('Mobile app');
});

test('a reset from an admin page button ends with the same proof, on the page and in the window', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const page = await openWorkspaceAdmin(extension);
  const opened = extension.context.waitForEvent('page');
  await clickControl(page, ADA);
  const window = await opened;
  await chooseSandboxOrg(window);
  await window.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(window.getByRole('status')).toContainText(SIGNED_OUT);
  expect(listedAfterReset(fake).length).toBeGreaterThan(0);
  await expect
    .poll(async () => (await controlParts(page, ADA))[0]?.status ?? '')
    .toContain(SIGNED_OUT);
});

test('a right-click reset ends with the same proof', async ({ extension, fake }) => {
  await optionsWithAdminToken(extension);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: ADA });
  const confirm = await opened;
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toContainText(SIGNED_OUT);
  expect(listedAfterReset(fake).length).toBeGreaterThan(0);
});

test('a token without admin.users:read resets, then says the sign-out could not be checked and why', async ({
  extension,
  fake,
}) => {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.noRead);
  // Saved once Slack has answered: a popup opened before that finds no token yet.
  await expect(options.getByRole('status')).toContainText('Token saved');
  await options.close();
  const popup = await extension.page(POPUP);
  await resetFromPopup(popup);
  const status = popup.getByRole('status');
  await expect(status).toContainText('Could not check that Ada Lovelace is signed out');
  await expect(status).toContainText('admin.users:read');
  expect(fake.requestsFor(RESET)).toHaveLength(1);
  expect(fake.sessionsOf(ADA)).toEqual([]);
});

test('Apply policy sets 8 hours and sign-out on close for that member; reopening shows it; Clear policy clears it', async ({
  extension,
  fake,
}) => {
  let popup = await popupWithToken(extension);
  const showPolicy = async () => {
    await popup.getByLabel('User').fill(ADA);
    await popup.getByRole('button', { name: 'Show sessions' }).click();
    const group = popup.getByRole('group', { name: 'Session policy' });
    await expect(group.getByText(/^Now: /)).toBeVisible();
    return group;
  };
  let policy = await showPolicy();
  await expect(policy.getByRole('combobox', { name: 'Session duration' })).toHaveValue('');
  await policy
    .getByRole('combobox', { name: 'Session duration' })
    .selectOption({ label: '8 hours' });
  await policy.getByRole('checkbox', { name: 'Sign out when the app or browser closes' }).check();
  await policy.getByRole('button', { name: 'Apply policy' }).click();
  await expect(policy).toContainText(
    `For Ada Lovelace (${ADA}): sessions last 8 hours and end when the app or browser closes.`,
  );
  expect(fake.requestsFor('admin.users.session.setSettings')).toHaveLength(0);
  await policy.getByRole('button', { name: 'Confirm apply' }).click();
  await expect(popup.getByRole('status')).toContainText(
    `Session policy of Ada Lovelace (${ADA}) applied`,
  );
  expect(fake.sessionSettingsOf(ADA)).toEqual({ duration: 28_800, desktopAppBrowserQuit: true });
  expect(fake.sessionSettingsOf(SANDBOX.users.grace)).toBeUndefined();

  await popup.close();
  popup = await extension.page(POPUP);
  policy = await showPolicy();
  await expect(policy.getByRole('combobox', { name: 'Session duration' })).toHaveValue('28800');
  await expect(
    policy.getByRole('checkbox', { name: 'Sign out when the app or browser closes' }),
  ).toBeChecked();

  await policy.getByRole('button', { name: 'Clear policy' }).click();
  await policy.getByRole('button', { name: 'Confirm clear' }).click();
  await expect(popup.getByRole('status')).toContainText(
    `Session policy of Ada Lovelace (${ADA}) cleared: the organization’s defaults apply again.`,
  );
  expect(fake.sessionSettingsOf(ADA)).toBeUndefined();
  await expect(policy.getByRole('combobox', { name: 'Session duration' })).toHaveValue('');

  // The organization's duration with sign-out on close: only the close choice is the member's.
  await policy.getByRole('checkbox', { name: 'Sign out when the app or browser closes' }).check();
  await policy.getByRole('button', { name: 'Apply policy' }).click();
  await policy.getByRole('button', { name: 'Confirm apply' }).click();
  await expect(popup.getByRole('status')).toContainText(
    'applied: sessions last as long as the organization’s default and end when the app or browser closes',
  );
  expect(fake.sessionSettingsOf(ADA)).toEqual({ desktopAppBrowserQuit: true });

  // Activity has every change, named.
  const activity = await askBackground<{
    value: { action: string; userId: string; outcome: string }[];
  }>(popup, { type: 'ui/activity/list', limit: 3 });
  expect(activity.value.map((e) => [e.action, e.userId, e.outcome])).toEqual([
    ['set-policy', ADA, 'success'],
    ['clear-policy', ADA, 'success'],
    ['set-policy', ADA, 'success'],
  ]);
});

test('a bot’s sessions and policy are refused with sentences', async ({ extension, fake }) => {
  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(SANDBOX.users.bot);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  await expect(popup.getByRole('alert')).toContainText(
    'Slack does not list the sessions of bot users',
  );
  const reply = await askBackground<{ ok: boolean; error: { code: string; message: string } }>(
    popup,
    {
      type: 'ui/session-policy/apply',
      userId: SANDBOX.users.bot,
      tokenId: await activeTokenId(popup),
      duration: 28_800,
      signOutOnClose: false,
    },
  );
  expect(reply.ok).toBe(false);
  expect(reply.error.code).toBe('bots_not_allowed');
  expect(reply.error.message).toMatch(/^Bot users have no session policy/);
  expect(fake.sessionSettingsOf(SANDBOX.users.bot)).toBeUndefined();
});

test('no IP address or version in the member card breaks inside itself at 400 px, and Confirm invalidate is whole', async ({
  extension,
}) => {
  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(ADA);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const card = popup.getByRole('region', { name: /Active sessions of Ada Lovelace/ });
  await expect(card.getByRole('button', { name: 'Invalidate' })).toHaveCount(3);
  // Every address and version in the session rows, measured where it is drawn: one line box,
  // inside the popup.
  const sessionRows = card
    .getByRole('row')
    .filter({ has: popup.getByRole('button', { name: 'Invalidate' }) });
  const drawn = await sessionRows.evaluateAll((rows) =>
    rows.flatMap((row) => {
      const found: { text: string; lines: number; right: number }[] = [];
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(
          /\d+(?:\.\d+){2,}|[\da-f]*::?[\da-f:]+/gi,
        )) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          found.push({
            text: match[0],
            lines: tops.size,
            right: range.getBoundingClientRect().right,
          });
        }
      }
      return found;
    }),
  );
  // Three sessions: two IPs and a version each, and an OS version.
  expect(drawn.length).toBeGreaterThanOrEqual(9);
  expect(drawn.filter((t) => t.lines !== 1 || t.right > 400)).toEqual([]);

  await card.getByRole('button', { name: 'Invalidate' }).first().click();
  const confirm = card.getByRole('button', { name: 'Confirm invalidate' });
  await expect(card.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const box = await confirm.boundingBox();
  const fits = await confirm.evaluate((b) => b.scrollWidth <= b.clientWidth);
  expect(box!.x + box!.width).toBeLessThanOrEqual(400);
  expect(fits).toBe(true);
});
