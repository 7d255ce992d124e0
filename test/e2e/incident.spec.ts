/**
 * Working fast under stress: every outcome names its member, known refusals are not sent,
 * Slack's waits are shown, nothing of one member stays under another's name, focus is kept.
 */
import type { Page, Worker } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import {
  type ExtensionFixture,
  expect,
  OPTIONS,
  optionsWithAdminToken,
  POPUP,
  popupWithToken,
  rightClick,
  saveToken,
  test,
} from './fixtures';

const U = SANDBOX.users;

/** What the focused element is, as a screen reader would name it. */
async function focused(page: Page): Promise<{ tag: string; role?: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      role: el?.getAttribute('role') ?? undefined,
      text: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(),
    };
  });
}

/** Records the notifications the worker creates, with their text (getAll gives only IDs). */
async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser.notifications;
    const created: { title: string; message: string }[] = [];
    (globalThis as unknown as { created: typeof created }).created = created;
    const original = api.create.bind(api);
    api.create = ((...args: unknown[]) => {
      const options = args.find(
        (a) => typeof a === 'object',
      ) as chrome.notifications.NotificationOptions;
      created.push({ title: String(options.title), message: String(options.message) });
      return (original as (...a: unknown[]) => unknown)(...args);
    }) as typeof api.create;
  });
}

async function notifications(worker: Worker): Promise<{ title: string; message: string }[]> {
  return worker.evaluate(() => (globalThis as unknown as { created: [] }).created);
}

test('a right-click with Ada, a bot, the primary owner and an unknown ID sends only Ada’s reset and names every member in the outcome', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  await recordNotifications(extension.worker);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: `${U.ada} ${U.bot} ${U.primaryOwner} U0NOBODY001`,
  });
  const confirm = await opened;

  await expect(
    confirm.getByText(/^This member of Acme Sandbox Org will be signed out/),
  ).toBeVisible();
  const refused = confirm.getByRole('list', { name: /left out and not sent/ });
  await expect(refused.getByRole('listitem')).toHaveCount(3);
  await expect(refused.getByRole('listitem').filter({ hasText: 'Deploy Bot' })).toContainText(
    'Bot user',
  );
  await expect(refused.getByRole('listitem').filter({ hasText: 'Pat Primary' })).toContainText(
    'Primary owner',
  );
  await expect(refused.getByRole('listitem').filter({ hasText: 'U0NOBODY001' })).toContainText(
    'No member with U0NOBODY001 was found',
  );

  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(
    confirm.getByRole('heading', { name: /1 of 4 members signed out; 3 not sent/ }),
  ).toBeFocused();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params)).toEqual([
    { user_id: U.ada },
  ]);
  await expect(confirm.getByRole('status').getByRole('listitem')).toHaveText([
    /✓ Signed out.*Ada Lovelace \(U0123ABCD\)/,
  ]);
  const notSent = confirm.getByRole('alert').getByRole('listitem');
  await expect(notSent).toHaveText([
    /Not sent.*Deploy Bot \(U0SBXBOT0001\).*Bot user/,
    /Not sent.*Pat Primary \(W0SBXOWNER1\).*Primary owner/,
    /Not sent.*U0NOBODY001.*No member/,
  ]);
  // Nothing failed for a reason that may pass: nothing to retry.
  await expect(confirm.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);

  // The browser's own clipboard takes it (a refusal would say so)…
  await confirm.getByRole('button', { name: 'Copy results' }).click();
  await expect(confirm.getByRole('status')).toContainText('Copied 4 lines, one per member.');
  // …and this is the text it took (a page cannot read the clipboard back without a grant).
  await confirm.evaluate(() => {
    navigator.clipboard.writeText = async (text: string) => {
      (window as unknown as { copied: string }).copied = text;
    };
  });
  await confirm.getByRole('button', { name: 'Copy results' }).click();
  const copied = (
    await confirm.evaluate(() => (window as unknown as { copied: string }).copied)
  ).split('\n');
  expect(copied).toHaveLength(4);
  expect(copied[0]).toMatch(/^Signed out\tAda Lovelace \(U0123ABCD\)\t/);
  expect(copied[1]).toMatch(/^Not sent\tDeploy Bot \(U0SBXBOT0001\)\t.*Bot user/);
  expect(copied[3]).toMatch(/^Not sent\tU0NOBODY001\t/);

  await expect.poll(() => notifications(extension.worker)).toHaveLength(1);
  const [note] = await notifications(extension.worker);
  expect(note!.title).toBe('1 of 4 members signed out; 3 not sent');
  for (const who of ['Deploy Bot', 'Pat Primary', 'U0NOBODY001', 'Ada Lovelace'])
    expect(note!.message).toContain(who);
});

test('only refused members leave Confirm unavailable; a failure that may pass is retried by Retry failed', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  let opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: `${U.bot} ${U.deleted}`,
  });
  let confirm = await opened;
  await expect(confirm.getByText(/Nothing here can be signed out/)).toBeVisible();
  await expect(confirm.getByRole('list', { name: /left out/ }).getByRole('listitem')).toHaveCount(
    2,
  );
  await expect(confirm.getByRole('listitem').filter({ hasText: 'Former Member' })).toContainText(
    'Deactivated account: it has no sessions to end',
  );
  await confirm.waitForTimeout(1_500); // past the arming delay: still unavailable
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeDisabled();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.isClosed()).toBe(true);

  fake.injectFault('admin.users.session.reset', { kind: 'error', error: 'service_unavailable' });
  opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: `${U.ada} ${U.grace}`,
  });
  confirm = await opened;
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(
    confirm.getByRole('heading', { name: /1 of 2 members signed out; 1 failed/ }),
  ).toBeVisible();
  await expect(confirm.getByRole('alert').getByRole('listitem')).toHaveText([
    /✕ Failed.*Ada Lovelace \(U0123ABCD\).*temporarily unavailable/,
  ]);
  await confirm.getByRole('button', { name: 'Retry failed' }).click();
  await expect(confirm.getByRole('heading', { name: /2 of 2 members signed out/ })).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([
    U.ada,
    U.grace,
    U.ada,
  ]);
});

test('the popup’s Confirm is unavailable for the primary owner, and one’s own account needs an extra tick', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(U.primaryOwner);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  const question = popup.getByRole('form', { name: /will be signed out/ });
  await expect(question).toContainText('Nothing will be sent. Primary owner');
  await expect(question.getByRole('button', { name: 'Confirm reset' })).toBeDisabled();
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await popup.keyboard.press('Enter');
  await expect(question).toHaveCount(0);

  await popup.getByLabel('User').fill(U.admin);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  const own = popup.getByRole('form', { name: /will be signed out/ });
  const confirmOwn = own.getByRole('button', { name: 'Confirm reset' });
  await expect(confirmOwn).toBeDisabled();
  await own.getByRole('checkbox', { name: /Yes, sign out my own account/ }).check();
  await confirmOwn.click();
  await expect(popup.getByRole('status')).toContainText('Riley Admin');
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([
    U.admin,
  ]);
});

test('typing another member clears the previous member’s sessions and outcome; focus stays on named elements', async ({
  extension,
}) => {
  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(U.grace);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const card = popup.getByRole('region', { name: /Active sessions of Grace Hopper/ });
  await expect(card.getByRole('table')).toBeVisible();

  await card.getByRole('button', { name: 'Invalidate' }).first().click();
  // The question takes the focus once drawn (Cancel), never leaving it on <body>.
  await expect.poll(async () => (await focused(popup)).tag).toBe('button');
  await popup.getByRole('button', { name: 'Confirm invalidate' }).click();
  await expect(popup.getByRole('status')).toContainText('Ended session');
  await expect(popup.getByRole('status')).toBeFocused();

  await popup.getByLabel('User').fill(U.ada);
  await expect(card).toHaveCount(0);
  await expect(popup.getByRole('table')).toHaveCount(0);
  await expect(popup.getByRole('status')).toHaveText('');

  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(popup.getByRole('status')).toContainText('Ada Lovelace');
  await expect(popup.getByRole('status')).toBeFocused();
  expect((await focused(popup)).text).toContain('Ada Lovelace');
});

test('a 429 with Retry-After: 20 shows the wait and the retry time; a closed popup still gets the outcome as a notification', async ({
  extension,
  fake,
}) => {
  test.setTimeout(90_000);
  const popup = await popupWithToken(extension);
  await recordNotifications(extension.worker);
  fake.injectFault('admin.users.session.reset', { kind: 'ratelimit', retryAfter: 20 });
  await popup.getByLabel('User').fill(U.ada);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(popup.getByRole('status')).toHaveText(
    /^Slack asked to wait 20 s — retrying at \d\d:\d\d:\d\d\.$/,
  );
  const shown = (await popup.getByRole('status').textContent()) ?? '';
  const [hh, mm, ss] = shown
    .match(/(\d\d):(\d\d):(\d\d)/)!
    .slice(1)
    .map(Number);
  const retryAt = new Date();
  retryAt.setHours(hh!, mm!, ss!);
  const inSeconds = (retryAt.getTime() - Date.now()) / 1000;
  expect(inSeconds).toBeGreaterThan(15);
  expect(inSeconds).toBeLessThan(21);

  await popup.close();
  await expect
    .poll(() => notifications(extension.worker), { timeout: 30_000 })
    .toEqual([{ title: 'Signed out of Slack', message: expect.stringContaining('Ada Lovelace') }]);
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.status)).toEqual([429, 200]);
});

test('a GovSlack token saved for slack.com is refused with a sentence that points at the environment', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.gov);
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(options.getByRole('alert')).toContainText(
    'a GovSlack token sent to slack.com, or the reverse: check the Slack environment',
  );
});

test('the confirmation window shows Slack’s wait while a reset waits out a 429', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  fake.injectFault('admin.users.session.reset', { kind: 'ratelimit', retryAfter: 4 });
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: U.ada });
  const confirm = await opened;
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toHaveText(
    /^Slack asked to wait 4 s — retrying at \d\d:\d\d:\d\d\.$/,
  );
  await expect(confirm.getByRole('heading', { name: /1 of 1 member signed out/ })).toBeVisible({
    timeout: 15_000,
  });
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.status)).toEqual([429, 200]);
});

test('Remove token asks first, naming the token; two tokens of one org are told apart; focus follows', async ({
  extension,
}) => {
  const options = await optionsWithAdminToken(extension);
  await expect(options.getByRole('status')).toBeFocused();
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.gov);
  await options.getByLabel('Slack environment').selectOption('gov');
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(options.getByRole('status')).toContainText('Token saved');
  await expect(options.getByRole('status')).toBeFocused();

  // Same org twice: the cards' names say which Slack and which admin.
  const commercial = options.getByRole('group', { name: /Acme Sandbox Org \(Slack, admin / });
  const gov = options.getByRole('group', { name: /Acme Sandbox Org \(GovSlack, admin / });
  await expect(commercial).toHaveCount(1);
  await expect(gov).toHaveCount(1);

  const popup = await extension.page(POPUP);
  const picker = popup.getByLabel('Org');
  await expect(picker.getByRole('option')).toHaveText([
    /^Acme Sandbox Org \((Gov)?Slack, admin .+\)$/,
    /^Acme Sandbox Org \((Gov)?Slack, admin .+\)$/,
  ]);
  expect(new Set(await picker.getByRole('option').allTextContents()).size).toBe(2);
  // Never cut: the picker is as wide as its longest entry needs.
  expect(await picker.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const title = (await popup.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(title.height).toBeLessThan(30);
  await popup.close();

  await gov.getByRole('button', { name: 'Remove token' }).click();
  const question = gov.getByRole('group', {
    name: /Remove the token for Acme Sandbox Org \(GovSlack\)/,
  });
  await expect(question).toContainText('xoxp-…0007');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await options.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(gov.getByRole('button', { name: 'Remove token' })).toBeFocused();
  await expect(options.getByRole('group', { name: /Acme Sandbox Org/ })).toHaveCount(2);

  await gov.getByRole('button', { name: 'Remove token' }).click();
  await gov.getByRole('button', { name: 'Confirm remove' }).click();
  await expect(options.getByRole('status')).toContainText(
    'Token for Acme Sandbox Org (GovSlack, admin',
  );
  await expect(gov).toHaveCount(0);
  await expect(commercial).toHaveCount(1);
  await expect(options.getByLabel('Admin token')).toBeFocused();
});

test('a token whose user is not an org admin, and one of a workspace-only app, are saved with a warning naming what will fail', async ({
  extension,
  fake,
}) => {
  const options = await extension.page(OPTIONS);
  const status = options.getByRole('status');
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.member);
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(status).toContainText('Token saved');
  await expect(status.getByRole('listitem')).toHaveText([
    /^Warning: ada is not an org owner or org admin of Acme Sandbox Org: Slack will refuse every reset and session list with not_an_admin/,
  ]);

  await options.getByLabel('Admin token').fill(SANDBOX.tokens.workspaceInstall);
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(status.getByRole('listitem')).toHaveText([
    /^Warning: This app is installed on the workspace Acme Engineering only, not on the organization: .*not_allowed_token_type/,
  ]);
  // What the warning says is what Slack then does.
  const popup = await extension.page(POPUP);
  await popup.getByLabel('User').fill(U.ada);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  await expect(popup.getByRole('alert')).toContainText(
    'from an app installed on the whole Enterprise organization',
  );
  expect(fake.requestsFor('admin.users.session.list').length).toBeGreaterThan(0);

  // The org admin's own token earns neither.
  await options.getByLabel('Admin token').fill(SANDBOX.tokens.admin);
  await options.getByRole('button', { name: 'Save token' }).click();
  await expect(status).toContainText('Token saved');
  await expect(status.getByRole('listitem')).toHaveCount(0);
});

test('the admin’s own account is not sent without the tick even when naming it for the window failed', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  // Slack fails the look-up made for the window; the one at send time works.
  fake.injectFault('users.info', { kind: 'error', error: 'fatal_error' });
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: U.admin });
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toContainText(U.admin);
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(
    confirm.getByRole('heading', { name: /0 of 1 member signed out; 1 not sent/ }),
  ).toBeVisible();
  await expect(confirm.getByRole('alert')).toContainText('This is you');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});

const PASSPHRASE = 'correct horse battery staple';

/** A passphrase token saved, then Ada right-clicked: the settings page and the window it opened. */
async function confirmationWithPassphraseToken(extension: ExtensionFixture) {
  const options = await extension.page(OPTIONS);
  await saveToken(options, SANDBOX.tokens.admin, 'passphrase', PASSPHRASE);
  await expect(options.getByRole('status')).toContainText(SANDBOX.enterprise.name);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: U.ada });
  return { options, confirm: await opened };
}

/** Locked while the window waits (as a restart of the worker would leave it), then back to it. */
async function lockWhileWaiting(options: Page, confirm: Page): Promise<void> {
  await options.getByRole('button', { name: 'Lock' }).click();
  await expect(options.getByText('Locked', { exact: true })).toBeVisible();
  await confirm.bringToFront();
}

async function unlockIn(confirm: Page): Promise<void> {
  await confirm.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await confirm.getByRole('button', { name: 'Unlock' }).click();
}

test('a Confirm reset that finds the token locked goes on by itself once it is unlocked', async ({
  extension,
  fake,
}) => {
  const { options, confirm } = await confirmationWithPassphraseToken(extension);
  await expect(
    confirm.getByText(/^This member of Acme Sandbox Org will be signed out/),
  ).toBeVisible();
  await lockWhileWaiting(options, confirm);
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByText(/token for Acme Sandbox Org is locked/)).toBeVisible();
  await expect(
    confirm.getByText('Unlock sends what you pressed. To send nothing, close this window.'),
  ).toBeVisible();
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
  await unlockIn(confirm);

  // No second Confirm: the reset that was asked for is sent, once, and its outcome has focus.
  const summary = confirm.getByRole('heading', { name: '1 of 1 member signed out.' });
  await expect(summary).toBeFocused();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([
    U.ada,
  ]);
});

test('a Retry failed that finds the token locked goes on by itself once it is unlocked', async ({
  extension,
  fake,
}) => {
  const { options, confirm } = await confirmationWithPassphraseToken(extension);
  fake.injectFault('admin.users.session.reset', { kind: 'error', error: 'service_unavailable' });
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('heading', { name: /0 of 1 member signed out/ })).toBeVisible();
  await lockWhileWaiting(options, confirm);
  await confirm.getByRole('button', { name: 'Retry failed' }).click();
  await unlockIn(confirm);

  // The retry that was pressed goes out once, and the window says it took.
  await expect(confirm.getByRole('heading', { name: '1 of 1 member signed out.' })).toBeFocused();
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params.user_id)).toEqual([
    U.ada,
    U.ada,
  ]);
});
