import { SANDBOX } from '../fake-slack';
import { expect, optionsWithAdminToken, rightClick, test } from './fixtures';

const RESET = 'admin.users.session.reset';
// Slack's Tier 2 (about 20 a minute, bursts allowed), with the minute scaled down to 2 s.
const LIMIT = 20;
const WINDOW_MS = 2_000;
// Three windows' worth. The first 429 teaches the client the window; only if it then keeps to
// it does the second window pass without another 429.
const MEMBERS = 45;

test('a right-click reset of many members under a Tier 2 limit hears one 429, keeps to the window it learned, and resets each member once', async ({
  extension,
  fake,
}) => {
  test.setTimeout(90_000);
  await optionsWithAdminToken(extension);
  const members = [...fake.org.members.keys()]
    .filter((id) => id.startsWith(SANDBOX.generatedPrefix))
    .slice(0, MEMBERS);
  expect(members).toHaveLength(MEMBERS);
  for (const id of members) expect(fake.sessionsOf(id).length, id).toBeGreaterThan(0);

  fake.setRateLimit(RESET, LIMIT, WINDOW_MS);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions',
    selectionText: `Sign-ins to review: ${members.join(', ')}`,
  });
  const confirm = await opened;
  await expect(confirm.getByRole('listitem')).toHaveCount(MEMBERS);
  await confirm.getByRole('button', { name: 'Confirm reset' }).click();
  const outcomes = confirm.getByRole('status').getByRole('listitem');
  await expect(outcomes).toHaveCount(MEMBERS, { timeout: 60_000 });
  await expect(outcomes.filter({ hasText: /^✓ Signed out Signed .+ out/ })).toHaveCount(MEMBERS);

  const resets = fake.requestsFor(RESET);
  const limited = resets.filter((r) => r.status === 429);
  // Twenty resets take far less than the first window's 2 s, so the 21st hears the one 429
  // this run may have; every window after it is kept to without another.
  expect(resets.map((r) => r.status).filter((status) => status !== 200)).toEqual([429]);
  expect(resets.indexOf(limited[0]!)).toBe(LIMIT);
  const done = resets
    .filter((r) => r.status === 200 && (r.response as { ok?: boolean } | null)?.ok === true)
    .map((r) => r.params.user_id);
  // Each member once: no reset repeated after a 429, none lost.
  expect(done.sort()).toEqual([...members].sort());
  expect(resets).toHaveLength(MEMBERS + limited.length);
  for (const id of members) expect(fake.sessionsOf(id), id).toEqual([]);
});
