import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { expect, POPUP, popupWithToken, test } from './fixtures';

async function resetFromPopup(popup: Page, user: string, radio: string): Promise<void> {
  await popup.getByLabel('User').fill(user);
  await popup.getByRole('radio', { name: radio }).check();
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
}

const SCOPES = [
  { radio: 'All devices', params: {} },
  { radio: 'Web only', params: { web_only: 'true' } },
  { radio: 'Mobile only', params: { mobile_only: 'true' } },
];

test('reset by ID, e-mail and profile link with every device choice sends exactly one right request', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  const inputs = [
    SANDBOX.users.ada,
    SANDBOX.emails.ada,
    `https://${SANDBOX.teams.eng.domain}.slack.com/team/${SANDBOX.users.ada}`,
  ];
  for (const input of inputs) {
    for (const { radio, params } of SCOPES) {
      fake.reset();
      await resetFromPopup(popup, input, radio);
      await expect(popup.getByRole('status')).toContainText(`Ada Lovelace (${SANDBOX.users.ada})`);
      await expect(popup.getByRole('status')).toContainText(
        radio === 'All devices' ? 'every device' : radio === 'Web only' ? 'web browsers' : 'mobile',
      );
      const resets = fake.requestsFor('admin.users.session.reset');
      expect(resets, `${input} / ${radio}`).toHaveLength(1);
      expect(resets[0]!.params).toEqual({ user_id: SANDBOX.users.ada, ...params });
      expect(resets[0]!.contentType).toContain('application/x-www-form-urlencoded');
    }
  }
});

test('the confirmation names the member found by e-mail; Cancel and Escape send nothing', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(SANDBOX.emails.grace);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  const question = popup.getByRole('form', { name: /will be signed out/ });
  await expect(question).toContainText(
    `Grace Hopper (${SANDBOX.emails.grace}, ${SANDBOX.users.grace})`,
  );
  await expect(question).toContainText(
    `signed out of Slack on every device in ${SANDBOX.enterprise.name}`,
  );
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByRole('status')).toContainText('Nothing was sent');

  // Keyboard only: Enter submits, Escape cancels.
  await popup.getByLabel('User').fill(SANDBOX.users.grace);
  await popup.getByLabel('User').press('Enter');
  await expect(popup.getByRole('button', { name: 'Confirm reset' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('button', { name: 'Confirm reset' })).toHaveCount(0);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);

  await popup.getByLabel('User').fill('hello');
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await expect(popup.getByRole('alert')).toContainText('user ID');
  // Only look-ups (and the token check) ever reached Slack: nothing that changes a member.
  const reads = new Set(['auth.test', 'users.info', 'users.lookupByEmail']);
  expect(fake.requests.filter((r) => !reads.has(r.method))).toEqual([]);
});

test('Slack errors, rate limits and network failures each show their own sentence', async ({
  extension,
  fake,
}) => {
  test.setTimeout(90_000);
  const popup = await popupWithToken(extension);
  const alert = popup.getByRole('alert');
  const sentences = new Set<string>();
  const expectSentence = async (pattern: RegExp) => {
    await expect(alert).toHaveText(pattern, { timeout: 20_000 });
    sentences.add((await alert.textContent()) ?? '');
  };

  await popup.getByLabel('User').fill('U0NOSUCHUSER1');
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await expectSentence(/No member with U0NOSUCHUSER1 was found/);

  // Known before sending: said in the question, with nothing to confirm.
  await popup.getByLabel('User').fill(SANDBOX.users.primaryOwner);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await expect(popup.getByRole('form', { name: /will be signed out/ })).toContainText(
    'Slack lets only the primary owner sign themselves out',
  );
  await expect(popup.getByRole('button', { name: 'Confirm reset' })).toBeDisabled();
  await popup.getByRole('button', { name: 'Cancel' }).click();

  fake.injectFault('admin.users.session.reset', { kind: 'error', error: 'missing_scope' });
  await resetFromPopup(popup, SANDBOX.users.ada, 'All devices');
  await expectSentence(/admin\.users:write/);

  fake.injectFault('admin.users.session.reset', { kind: 'error', error: 'invalid_auth' });
  await resetFromPopup(popup, SANDBOX.users.ada, 'All devices');
  await expectSentence(/token/i);

  fake.injectFault('admin.users.session.reset', { kind: 'reset' }, 10);
  await resetFromPopup(popup, SANDBOX.users.ada, 'All devices');
  await expectSentence(/connection|reach Slack|network/i);
  expect(sentences.size).toBe(4);

  fake.reset();
  fake.injectFault('admin.users.session.reset', { kind: 'ratelimit', retryAfter: 1 });
  const started = Date.now();
  await resetFromPopup(popup, SANDBOX.users.ada, 'All devices');
  await expect(popup.getByRole('status')).toContainText('Ada Lovelace', { timeout: 15_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  const attempts = fake.requestsFor('admin.users.session.reset');
  expect(attempts.map((r) => r.status)).toEqual([429, 200]);
  expect(fake.sessionsOf(SANDBOX.users.ada)).toEqual([]);
});

test('Show sessions follows the cursor, and Invalidate ends exactly that session', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  fake.configure({ sessionPageSize: 2 });
  const before = fake.sessionsOf(SANDBOX.users.ada).map((s) => String(s.session_id));
  expect(before).toHaveLength(3);

  await popup.getByLabel('User').fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const rows = popup.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  const lists = fake.requestsFor('admin.users.session.list');
  expect(lists).toHaveLength(2);
  expect(lists[0]!.params).toMatchObject({
    user_id: SANDBOX.users.ada,
    team_id: SANDBOX.teams.eng.id,
  });
  expect(lists[1]!.params.cursor).toBeTruthy();

  const target = before[1]!;
  // The row shows the session's ID, the same one the outcome then names.
  const row = rows.filter({ hasText: `session ${target}` });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Invalidate' }).click();
  await row.getByRole('button', { name: 'Confirm invalidate' }).click();
  await expect(rows).toHaveCount(3);
  await expect(popup.getByRole('status')).toContainText(target);
  const invalidations = fake.requestsFor('admin.users.session.invalidate');
  expect(invalidations).toHaveLength(1);
  expect(invalidations[0]!.params).toMatchObject({
    session_id: target,
    user_id: SANDBOX.users.ada,
  });
  expect(fake.sessionsOf(SANDBOX.users.ada).map((s) => String(s.session_id))).toEqual(
    before.filter((id) => id !== target),
  );
});

test('Invalidate sends a session ID past 2^53 exactly and ends only that session', async ({
  extension,
  fake,
}) => {
  const popup = await popupWithToken(extension);
  const lou = SANDBOX.users.longId;
  const big = SANDBOX.bigSessionId;
  const ids = () => fake.sessionsOf(lou).map((s) => String(s.session_id));
  const others = ids().filter((id) => id !== big);
  expect(ids()).toContain(big);
  expect(others.length).toBeGreaterThan(0);

  await popup.getByLabel('User').fill(lou);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  const rows = popup.getByRole('table').getByRole('row');
  // A header row, then one row per session.
  await expect(rows).toHaveCount(others.length + 2);
  const row = rows.filter({ hasText: `session ${big}` });
  await row.getByRole('button', { name: 'Invalidate' }).click();
  await row.getByRole('button', { name: 'Confirm invalidate' }).click();
  await expect(rows).toHaveCount(others.length + 1);
  await expect(popup.getByRole('status')).toContainText(big);

  const invalidations = fake.requestsFor('admin.users.session.invalidate');
  expect(invalidations.map((r) => r.params.session_id)).toEqual([big]);
  expect(invalidations[0]!.params.user_id).toBe(lou);
  expect(invalidations[0]!.response).toEqual({ ok: true });
  expect(ids()).toEqual(others);
  for (const id of others) await expect(rows.filter({ hasText: `session ${id}` })).toHaveCount(1);
});

test('a member with no sessions shows "No active sessions"; no token shows Open settings', async ({
  extension,
}) => {
  const empty = await extension.page(POPUP);
  await expect(empty.getByRole('button', { name: 'Open settings' })).toBeVisible();
  await empty.close();

  const popup = await popupWithToken(extension);
  await popup.getByLabel('User').fill(SANDBOX.users.deleted);
  await popup.getByRole('button', { name: 'Show sessions' }).click();
  await expect(popup.getByText('No active sessions')).toBeVisible();
});
