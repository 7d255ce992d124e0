/**
 * Searching every session of an org as a responder does: load 2,600 sessions over 27 pages,
 * find the planted ones by IP range, by a moved IP and by client version, and end exactly
 * those; stop a load part-way; sit out a 429 in the middle of one.
 */
import type { Page } from '@playwright/test';
import { type FakeSlack, SANDBOX, startFakeSlack } from '../fake-slack';
import { test as base, expect, optionsWithAdminToken } from './fixtures';

const SESSIONS = 'src/sessions/index.html';
const LIST = 'admin.users.session.list';
const PAGE_SIZE = 100;

// An org big enough to page: the seeded sessions plus 2,000 more, 100 a page.
const test = base.extend<Record<never, never>, { fake: FakeSlack }>({
  fake: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const fake = await startFakeSlack({ orgSessions: 2000, sessionPageSize: PAGE_SIZE });
      await use(fake);
      await fake.close();
    },
    { scope: 'worker' },
  ],
});

const ENG = SANDBOX.teams.eng.id;
const SALES = SANDBOX.teams.sales.id;
const { ada, grace, someone } = SANDBOX.users;

/** Planted across the list so they arrive on different pages. */
function plant(fake: FakeSlack) {
  const at = (page: number) => page * PAGE_SIZE + 7;
  const inRange = fake.plantSessions([
    { userId: ada, teamId: ENG, created: { ip: '203.0.113.9' }, position: at(2) },
    { userId: grace, teamId: SALES, created: { ip: '203.0.113.200' }, position: at(9) },
    {
      userId: someone,
      teamId: SALES,
      created: { ip: '2001:db8:bad:0:0:0:0:17' },
      position: at(15),
    },
    { userId: grace, teamId: ENG, created: { ip: '2001:db8:bad::4' }, position: at(21) },
  ]);
  const moved = fake.plantSessions([
    {
      userId: ada,
      teamId: ENG,
      created: { ip: '192.0.2.10' },
      recent: { ip: '198.51.100.99' },
      position: at(5),
    },
    {
      userId: someone,
      teamId: SALES,
      created: { ip: '2001:db8:1::5' },
      recent: { ip: '2001:db8:1::6' },
      position: at(18),
    },
  ]);
  const oldClient = fake.plantSessions([
    { userId: grace, teamId: ENG, created: { slack_client_version: '4.33.73' }, position: at(3) },
    { userId: ada, teamId: ENG, created: { slack_client_version: '4.33.120' }, position: at(24) },
  ]);
  return { inRange, moved, oldClient };
}

const summary = (page: Page) => page.getByRole('status', { name: 'Matching sessions' });

async function loadAll(page: Page, total: number): Promise<void> {
  await page.getByRole('button', { name: 'Load sessions' }).click();
  await expect(summary(page)).toHaveText(
    new RegExp(`^${total.toLocaleString('en')} sessions of .* match: all that were loaded`),
    { timeout: 60_000 },
  );
}

/** Session IDs of the table's rows, as drawn (the table draws what is in view). */
async function rowCount(page: Page): Promise<number> {
  const count = await page
    .getByRole('table', { name: 'Matching sessions' })
    .getAttribute('aria-rowcount');
  return Number(count) - 1;
}

test('filters find exactly the planted sessions, and Invalidate ends those and no other', async ({
  extension,
  fake,
}) => {
  const planted = plant(fake);
  const before = fake.activeSessionIds();
  expect(before.length).toBeGreaterThanOrEqual(2000);
  await optionsWithAdminToken(extension);
  const page = await extension.page(SESSIONS);
  await loadAll(page, before.length);
  const lists = fake.requestsFor(LIST);
  expect(lists.length).toBe(Math.ceil(before.length / PAGE_SIZE));
  expect(lists.length).toBeGreaterThanOrEqual(20);

  const ip = page.getByLabel('IP address or range');
  await ip.fill('203.0.113.0/24, 2001:db8:bad::/48');
  await expect(summary(page)).toHaveText(/^4 sessions of 3 members match, of /);
  expect(await rowCount(page)).toBe(4);
  await ip.fill('2001:db8:bad::/48');
  await expect(summary(page)).toHaveText(/^2 sessions of 2 members match/);
  await ip.fill('203.0.113.0/33');
  await expect(summary(page)).toContainText('is not understood');
  await ip.fill('');

  const moved = page.getByLabel('IP changed since sign-in');
  await moved.check();
  await expect(summary(page)).toHaveText(/^2 sessions of 2 members match/);
  await moved.uncheck();

  await page.getByLabel('Device or client').fill('4.33');
  await expect(summary(page)).toHaveText(/^2 sessions of 2 members match/);
  await page.getByLabel('Device or client').fill('');

  await ip.fill('203.0.113.0/24 2001:db8:bad::/48');
  await expect(summary(page)).toHaveText(/^4 sessions of 3 members match/);
  await page.getByRole('button', { name: 'Invalidate matching sessions' }).click();
  await expect(page.getByRole('form')).toContainText('End 4 sessions of 3 members');
  await page.getByRole('button', { name: 'Confirm invalidate' }).click();
  await expect(page.getByRole('status', { name: 'Ending sessions counts' })).toHaveText(
    /^4 done, 0 failed and 0 left of 4 sessions/,
    { timeout: 30_000 },
  );
  const after = new Set(fake.activeSessionIds());
  expect(planted.inRange.filter((id) => after.has(id))).toEqual([]);
  expect(before.filter((id) => !after.has(id)).sort()).toEqual([...planted.inRange].sort());
  const sent = fake.requestsFor('admin.users.session.invalidate');
  expect(sent.map((r) => r.params.session_id).sort()).toEqual([...planted.inRange].sort());
  // With the workspace and member the listing named.
  const sentFor = Object.fromEntries(sent.map((r) => [r.params.session_id, r.params]));
  expect(sentFor[planted.inRange[0]!]).toMatchObject({ team_id: ENG, user_id: ada });
  await expect(page.getByRole('table', { name: 'Matching sessions' })).toContainText('Ended');

  // Activity records each one, started from the session search.
  const options = await extension.page('src/options/index.html');
  await expect(options.getByRole('table')).toContainText('Session search');
});

test('Stop loading keeps what arrived and asks for no further page', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  // Slow pages: five, then a three-second wait.
  fake.setRateLimit(LIST, 5, 3000);
  const page = await extension.page(SESSIONS);
  await page.getByRole('button', { name: 'Load sessions' }).click();
  await expect(page.getByRole('progressbar', { name: 'Loading sessions' })).toBeVisible();
  await expect
    .poll(() => fake.requestsFor(LIST).filter((r) => r.status === 200).length)
    .toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Stop loading' }).click();
  await expect(page.getByText(/stopped before the end of the list/)).toBeVisible({
    timeout: 15_000,
  });
  const asked = fake.requestsFor(LIST).length;
  const answered = fake.requestsFor(LIST).filter((r) => r.status === 200).length;
  await page.waitForTimeout(4000);
  expect(fake.requestsFor(LIST).length).toBe(asked);
  await expect(summary(page)).toContainText(
    `${(answered * PAGE_SIZE).toLocaleString('en')} sessions of`,
  );
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('a 429 in the middle of a load is waited out, and the load completes', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const total = fake.activeSessionIds().length;
  fake.setRateLimit(LIST, 10, 2000);
  const page = await extension.page(SESSIONS);
  await page.getByRole('button', { name: 'Load sessions' }).click();
  await expect(page.getByText(/Slack asked to wait/)).toBeVisible({ timeout: 15_000 });
  await expect(summary(page)).toContainText(`${total.toLocaleString('en')} sessions of`, {
    timeout: 60_000,
  });
  const lists = fake.requestsFor(LIST);
  expect(lists.some((r) => r.status === 429)).toBe(true);
  expect(lists.filter((r) => r.status === 200)).toHaveLength(Math.ceil(total / PAGE_SIZE));
  await expect(page.getByText(/Loaded .* the whole list/)).toBeVisible();
});
