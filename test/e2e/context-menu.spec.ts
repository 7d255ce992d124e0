import type { Worker } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  askBackground,
  expect,
  OPTIONS,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  restartServiceWorker,
  rightClick,
  test,
} from './fixtures';

async function notificationCount(worker: Worker): Promise<number> {
  return worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).length);
}

const CASES = [
  {
    name: 'a user ID',
    info: { selectionText: 'U0123ABCD' },
    shown: ['Ada Lovelace'],
    ids: ['U0123ABCD'],
  },
  {
    name: 'a mention with spaces',
    info: { selectionText: ' <@W0ABCDEFGHIJ> ' },
    shown: ['Grace Hopper'],
    ids: ['W0ABCDEFGHIJ'],
  },
  {
    name: 'an e-mail address',
    info: { selectionText: 'someone@example.com' },
    shown: ['Sam Someone'],
    ids: ['U0SOMEONE1'],
  },
  {
    name: 'a profile link',
    info: { linkUrl: `https://${SANDBOX.teams.eng.domain}.slack.com/team/U0123ABCD` },
    shown: ['Ada Lovelace'],
    ids: ['U0123ABCD'],
  },
  {
    name: 'a text holding three IDs',
    info: {
      selectionText: 'SIEM: logins for U0123ABCD, W0ABCDEFGHIJ and U0SOMEONE1 from 203.0.113.9',
    },
    shown: ['Ada Lovelace', 'Grace Hopper', 'Sam Someone'],
    ids: ['U0123ABCD', 'W0ABCDEFGHIJ', 'U0SOMEONE1'],
  },
];

for (const { name, info, shown, ids } of CASES) {
  test(`right-click on ${name} confirms in an extension window, then resets exactly those members`, async ({
    extension,
    fake,
  }) => {
    const options = await optionsWithAdminToken(extension);
    const opened = extension.context.waitForEvent('page');
    await rightClick(extension.worker, { menuItemId: 'reset-sessions', ...info });
    const confirm = await opened;
    expect(confirm.url()).toContain(`chrome-extension://${extension.extensionId}/src/confirm/`);
    for (const who of shown)
      await expect(confirm.getByRole('listitem').filter({ hasText: who })).toHaveCount(1);
    await expect(confirm.getByRole('listitem')).toHaveCount(shown.length);
    expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

    await confirm.getByRole('button', { name: 'Confirm reset' }).click();
    await expect(confirm.getByRole('status').getByRole('listitem')).toHaveCount(ids.length);
    const resets = fake.requestsFor('admin.users.session.reset');
    expect(resets.map((r) => r.params)).toEqual(ids.map((user_id) => ({ user_id })));
    expect(await notificationCount(extension.worker)).toBeGreaterThan(0);

    const activity = await askBackground<{ value: { source: string; userId: string }[] }>(options, {
      type: 'ui/activity/list',
    });
    expect(activity.value.map((e) => e.source)).toEqual(ids.map(() => 'context-menu'));
  });
}

test('the web-only item resets web sessions; Cancel sends nothing', async ({ extension, fake }) => {
  await optionsWithAdminToken(extension);
  let opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions-web',
    selectionText: 'U0123ABCD',
  });
  let confirm = await opened;
  await expect(confirm.getByRole('radio', { name: 'Web only' })).toBeChecked();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.isClosed()).toBe(true);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions-web',
    selectionText: 'U0123ABCD',
  });
  confirm = await opened;
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset').map((r) => r.params)).toEqual([
    { user_id: 'U0123ABCD', web_only: 'true' },
  ]);
});

test('a selection with no member in it gives a notification and sends nothing', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const pagesBefore = extension.context.pages().length;
  const before = await notificationCount(extension.worker);
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: 'hello' });
  await expect.poll(() => notificationCount(extension.worker)).toBe(before + 1);
  expect(extension.context.pages().length).toBe(pagesBefore);
  // Only the token's own check when it was saved (auth.test, and users.info of its user).
  const saving = (r: { method: string; params: Record<string, string> }) =>
    r.method === 'auth.test' ||
    (r.method === 'users.info' && r.params.user === SANDBOX.users.admin);
  expect(fake.requests.filter((r) => !saving(r))).toEqual([]);
});

test('"Show sessions…" opens the sessions view for that member', async ({ extension }) => {
  await optionsWithAdminToken(extension);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'show-sessions', selectionText: 'U0123ABCD' });
  const view = await opened;
  await expect(view.getByLabel('User')).toHaveValue('U0123ABCD');
  await expect(view.getByRole('table').getByRole('row')).toHaveCount(4);
  // The window fits what it shows: nothing clipped, no scrollbars.
  await expect
    .poll(() =>
      view.evaluate(() => {
        const root = document.documentElement;
        return root.scrollHeight <= innerHeight && root.scrollWidth <= innerWidth;
      }),
    )
    .toBe(true);
  await expect(view.getByRole('button', { name: 'Reset sessions' })).toBeInViewport();
  await expect(view.getByRole('link', { name: 'Search all sessions' })).toBeInViewport();
});

test('the menu is there once after the service worker is stopped and started again', async ({
  extension,
}) => {
  const options = await extension.page(OPTIONS);
  await restartServiceWorker(extension, options);
  const worker = await extension.serviceWorker();
  const errors: string[] = [];
  worker.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  const state = await worker.evaluate(async () => {
    const exists = (id: string) =>
      chrome.contextMenus.update(id, {}).then(
        () => true,
        () => false,
      );
    const ids = ['reset-sessions', 'reset-sessions-web', 'reset-sessions-mobile', 'show-sessions'];
    const present = await Promise.all(ids.map(exists));
    // A second item with the same id cannot exist: creating one is refused.
    const duplicate = await new Promise<string>((resolve) =>
      chrome.contextMenus.create(
        { id: 'reset-sessions', title: 'x', contexts: ['selection'] },
        () => resolve(chrome.runtime.lastError?.message ?? 'created'),
      ),
    );
    return { present, duplicate };
  });
  expect(state.present).toEqual([true, true, true, true]);
  expect(state.duplicate).toMatch(/duplicate/i);
  expect(errors).toEqual([]);
  expect(extension.workerConsole).toEqual([]);
});

test('with "Confirm before resetting" off, a right-click resets at once and says so', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  await options.getByRole('checkbox', { name: 'Confirm before resetting' }).uncheck();
  await expect(options.getByRole('status')).toContainText('no longer ask');
  const pagesBefore = extension.context.pages().length;
  const notes = await notificationCount(extension.worker);
  // One member, right-clicked in Slack's own web client.
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions-mobile',
    selectionText: 'ticket: U0123ABCD',
    pageUrl: 'https://app.slack.com/client/T0SBXENG01/C0SBXINC01',
  });
  await expect.poll(() => fake.requestsFor('admin.users.session.reset').length).toBe(1);
  expect(fake.requestsFor('admin.users.session.reset')[0]!.params).toEqual({
    user_id: 'U0123ABCD',
    mobile_only: 'true',
  });
  await expect.poll(() => notificationCount(extension.worker)).toBe(notes + 1);
  expect(extension.context.pages().length).toBe(pagesBefore);
});

test('a page cannot switch off the confirmation a right-click asks for', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  // What a compromised admin page could do: write the extension's storage.local.
  const admin = await openWorkspaceAdmin(extension);
  await evaluateInContentWorld(
    admin,
    extension.extensionId,
    `chrome.storage.local.set({ preferences: { confirmBeforeReset: false } })`,
  );
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: 'U0123ABCD' });
  const confirm = await opened;
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeVisible();
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});

test('with "Confirm before resetting" off, a right-click naming three members, or one on another site, still asks', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  await options.getByRole('checkbox', { name: 'Confirm before resetting' }).uncheck();
  await expect(options.getByRole('status')).toContainText('no longer ask');

  // A page can rewrite the selection as the menu opens: three IDs, in Slack's own client.
  let opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: 'U0123ABCD W0ABCDEFGHIJ U0SOMEONE1',
    pageUrl: 'https://app.slack.com/client/T0SBXENG01/C0SBXINC01',
  });
  let confirm = await opened;
  await expect(confirm.getByRole('listitem')).toHaveCount(3);
  await expect(confirm.getByText('Asked from the right-click menu on app.slack.com')).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.isClosed()).toBe(true);

  // One member, on a page that is not Slack's.
  opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: 'U0123ABCD' });
  confirm = await opened;
  await expect(confirm.getByRole('listitem')).toHaveCount(1);
  await expect(
    confirm.getByText('Asked from the right-click menu on tickets.example'),
  ).toBeVisible();
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});
