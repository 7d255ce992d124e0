/**
 * The extension's own confirmation window: when its Confirm can be used, how many a page may
 * open, what it says about who asked, and what it does for a page whose org it does not know.
 */
import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { evaluateInContentWorld } from './content-world';
import {
  chooseSandboxOrg,
  expect,
  openWorkspaceAdmin,
  optionsWithAdminToken,
  rightClick,
  test,
  WORKSPACE_ADMIN,
} from './fixtures';

const CONFIRM_URL = /\/src\/confirm\/index\.html/;

function confirmWindows(pages: Page[]): Page[] {
  return pages.filter((p) => CONFIRM_URL.test(p.url()));
}

async function rightClickAda(extension: Parameters<typeof optionsWithAdminToken>[0]) {
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText: 'U0123ABCD' });
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toContainText('Ada Lovelace');
  return confirm;
}

test('Enter on a freshly shown window cancels, before and after Confirm is armed', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  // A stray Enter the moment the window appears: Cancel has the focus, nothing is sent.
  let confirm = await rightClickAda(extension);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  // Down only: the window closes before the key would come up.
  await confirm.keyboard.down('Enter');
  await expect.poll(() => confirm.isClosed()).toBe(true);

  confirm = await rightClickAda(extension);
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeEnabled();
  await confirm.keyboard.down('Enter');
  await expect.poll(() => confirm.isClosed()).toBe(true);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  // A person still confirms from the keyboard: Shift+Tab to Confirm, then Enter.
  confirm = await rightClickAda(extension);
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeEnabled();
  await confirm.keyboard.press('Shift+Tab');
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeFocused();
  await confirm.keyboard.press('Enter');
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
  // Answered and closed: nothing of the three requests is kept (their outcomes are in Activity).
  await expect(confirm.getByRole('button', { name: 'Close' })).toBeVisible();
  await confirm.close();
  await expect
    .poll(() =>
      extension.worker.evaluate(async () =>
        Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('confirm.')),
      ),
    )
    .toEqual([]);
});

test('an armed window that loses focus is disarmed, and regaining it re-arms only after the delay', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const confirm = await rightClickAda(extension);
  const button = confirm.getByRole('button', { name: 'Confirm reset' });
  await expect(button).toBeEnabled();
  // Headless Chromium has no window manager: the test plays the browser's focus events.
  await confirm.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expect(button).toBeDisabled();
  const rearmedAfter = await confirm.evaluate(async () => {
    const target = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Confirm reset',
    )!;
    const start = performance.now();
    window.dispatchEvent(new Event('focus'));
    const disabledAtOnce = target.disabled;
    await new Promise<void>((resolve) =>
      new MutationObserver(() => {
        if (!target.disabled) resolve();
      }).observe(target, { attributes: true }),
    );
    return { disabledAtOnce, ms: performance.now() - start };
  });
  expect(rearmedAfter.disabledAtOnce).toBe(true);
  expect(rearmedAfter.ms).toBeGreaterThanOrEqual(550);
  await button.click();
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
});

test('Enter in the Reason field never confirms, and coming back to the front puts the focus on Cancel', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const confirm = await rightClickAda(extension);
  const button = confirm.getByRole('button', { name: 'Confirm reset' });
  await expect(button).toBeEnabled();
  // Typing meant for somewhere else, ending in Enter, lands in the Reason field.
  await confirm.getByLabel('Reason').fill('INC-7');
  await confirm.getByLabel('Reason').press('Enter');
  await expect(confirm.getByRole('status')).toHaveText('');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  // Confirm has the focus; the window goes to the back and comes to the front again.
  await confirm.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await confirm.evaluate(() => {
    window.dispatchEvent(new Event('blur'));
    window.dispatchEvent(new Event('focus'));
  });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(button).toBeEnabled();
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  // A deliberate press on Confirm itself, once armed, answers.
  await confirm.keyboard.press('Shift+Tab');
  await expect(button).toBeFocused();
  await confirm.keyboard.press('Enter');
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(1);
});

test('six simultaneous asks from one page open one window, and say why the others did not', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const admin = await openWorkspaceAdmin(extension);
  const opened = extension.context.waitForEvent('page');
  const replies = await evaluateInContentWorld<{ ok: boolean; error?: { message: string } }[]>(
    admin,
    extension.extensionId,
    `Promise.all(['${SANDBOX.users.ada}', '${SANDBOX.users.grace}', '${SANDBOX.users.someone}',
      '${SANDBOX.users.ada}', '${SANDBOX.users.grace}', '${SANDBOX.users.someone}'].map((userId) =>
        chrome.runtime.sendMessage({ type: 'content/reset/ask', userId })))`,
  );
  await opened;
  expect(replies.filter((r) => r.ok)).toHaveLength(1);
  const refused = replies.filter((r) => !r.ok);
  expect(refused).toHaveLength(5);
  for (const reply of refused) expect(reply.error!.message).toMatch(/already open/);
  // Every reply came after its window was asked for: no other one is on its way.
  expect(confirmWindows(extension.context.pages())).toHaveLength(1);
});

test('a page whose request was cancelled waits before asking again; at most two windows are open', async ({
  extension,
}) => {
  await optionsWithAdminToken(extension);
  const admin = await openWorkspaceAdmin(extension);
  const ask = (userId: string) =>
    evaluateInContentWorld<{ ok: boolean; error?: { code: string } }>(
      admin,
      extension.extensionId,
      `chrome.runtime.sendMessage({ type: 'content/reset/ask', userId: '${userId}' })`,
    );
  const opened = extension.context.waitForEvent('page');
  expect(await ask(SANDBOX.users.ada)).toMatchObject({ ok: true });
  const confirm = await opened;
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => confirm.isClosed()).toBe(true);
  expect(await ask(SANDBOX.users.ada)).toMatchObject({
    ok: false,
    error: { code: 'asked_too_soon' },
  });

  // Two windows from the right-click menu; a third ask, from anywhere, is refused.
  for (const selectionText of ['U0123ABCD', 'W0ABCDEFGHIJ']) {
    const next = extension.context.waitForEvent('page');
    await rightClick(extension.worker, { menuItemId: 'reset-sessions', selectionText });
    await next;
  }
  await expect(async () => {
    expect(await ask(SANDBOX.users.someone)).toMatchObject({
      ok: false,
      error: { code: 'too_many_confirmations' },
    });
  }).toPass();
  expect(confirmWindows(extension.context.pages())).toHaveLength(2);
});

test('a workspace page of an org the extension does not know asks which saved org it is, once', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const admin = await openWorkspaceAdmin(extension);
  let opened = extension.context.waitForEvent('page');
  await admin.locator(`[data-ssa-user="${SANDBOX.users.ada}"]`).click();
  let confirm = await opened;
  await expect(
    confirm.getByText(`Asked by a button on ${SANDBOX.teams.eng.domain}.slack.com`),
  ).toBeVisible();
  const org = confirm.getByRole('group', { name: 'Org' });
  await expect(org).toContainText(`does not know which org ${SANDBOX.teams.eng.domain}.slack.com`);
  // Nothing can be confirmed, nor is any member looked up, until the admin names the org.
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeDisabled();
  await expect(confirm.getByRole('listitem')).toHaveCount(0);
  // (The token's own user was looked up when it was saved, to check its role.)
  const members = () =>
    fake.requestsFor('users.info').filter((r) => r.params.user !== SANDBOX.users.admin);
  expect(members()).toHaveLength(0);
  await chooseSandboxOrg(confirm);
  await expect(confirm.getByRole('listitem')).toContainText('Ada Lovelace');
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(confirm.getByRole('status')).toContainText('Signed Ada Lovelace');
  await confirm.close();

  // Remembered: the next ask from that workspace names the org and the member at once.
  await admin.bringToFront();
  opened = extension.context.waitForEvent('page');
  await admin.locator(`[data-ssa-user="${SANDBOX.users.grace}"]`).click();
  confirm = await opened;
  await expect(confirm.getByRole('listitem')).toContainText('Grace Hopper');
  await expect(confirm.getByText(`of ${SANDBOX.enterprise.name} will be`)).toBeVisible();
  await expect(confirm.getByRole('group', { name: 'Org' })).toHaveCount(0);
});

test('an org People page on the org’s own address needs no question; a GovSlack twin with no GovSlack token offers only Cancel', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const people = await extension.context.newPage();
  await people.goto(`https://app.slack.com/manage/${SANDBOX.enterprise.id}/people`);
  let opened = extension.context.waitForEvent('page');
  await people.locator(`[data-ssa-user="${SANDBOX.users.ada}"]`).first().click();
  let confirm = await opened;
  await expect(confirm.getByRole('listitem')).toContainText('Ada Lovelace');
  await expect(confirm.getByRole('group', { name: 'Org' })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  const gov = await extension.context.newPage();
  await gov.goto(WORKSPACE_ADMIN.replace('.slack.com', '.slack-gov.com'));
  await expect(gov.locator('[data-ssa-user]').first()).toBeAttached();
  opened = extension.context.waitForEvent('page');
  await gov.locator(`[data-ssa-user="${SANDBOX.users.ada}"]`).click();
  confirm = await opened;
  await expect(confirm.getByText('no saved org is on the same Slack')).toBeVisible();
  await expect(confirm.getByRole('radio')).toHaveCount(0);
  await expect(confirm.getByRole('button', { name: 'Confirm reset' })).toBeDisabled();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});
