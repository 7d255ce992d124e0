/**
 * Bulk reset as an admin runs it: paste a list, check the preview, confirm, watch it finish,
 * export the results; and what survives a stopped worker, a reloaded extension and Cancel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import { launchWithExtension } from '../support/launch-extension';
import {
  askBackground,
  type ExtensionFixture,
  expect,
  optionsWithAdminToken,
  POPUP,
  restartServiceWorker,
  rightClick,
  settingsOpenedOnInstall,
  test,
} from './fixtures';

const BULK = 'src/bulk/index.html';

interface Summary {
  id: string;
  state: string;
  counts: { total: number; done: number; failed: number; left: number };
}

function generatedIds(fake: { org: { members: Map<string, unknown> } }, count: number): string[] {
  return [...fake.org.members.keys()]
    .filter((id) => id.startsWith(SANDBOX.generatedPrefix))
    .slice(0, count);
}

async function jobs(page: Page): Promise<Summary[]> {
  const reply = await askBackground<{ ok: boolean; value: { jobs: Summary[] } }>(page, {
    type: 'ui/bulk/jobs',
  });
  return reply.value.jobs;
}

async function startFromPage(
  extension: ExtensionFixture,
  input: string,
  options: { device?: string; oneByOne?: boolean } = {},
): Promise<Page> {
  const page = await extension.page(BULK);
  await page.getByLabel('Users').fill(input);
  if (options.device) await page.getByRole('radio', { name: options.device }).check();
  if (options.oneByOne) await page.getByLabel(/one by one/i).check();
  await page.getByRole('button', { name: 'Start bulk reset' }).click();
  await page.getByRole('button', { name: 'Confirm reset' }).click();
  await expect(page.getByRole('progressbar')).toBeVisible();
  return page;
}

/** How often Slack acted on a reset or resetBulk call for each member (429s are not acted on). */
function sendsPerMember(fake: {
  requestsFor: (m: string) => { params: Record<string, string>; status: number }[];
}): Map<string, number> {
  const sends = new Map<string, number>();
  const add = (id: string) => sends.set(id, (sends.get(id) ?? 0) + 1);
  const answered = (method: string) => fake.requestsFor(method).filter((r) => r.status === 200);
  for (const r of answered('admin.users.session.reset')) add(r.params.user_id!);
  for (const r of answered('admin.users.session.resetBulk')) {
    const raw = r.params.user_ids!;
    const ids: string[] = raw.trim().startsWith('[') ? JSON.parse(raw) : raw.split(',');
    for (const id of ids) add(id);
  }
  return sends;
}

test('300 pasted lines: every resettable member reset as chosen, the others named, junk never sent', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const ids = generatedIds(fake, 280);
  const emailOf = (id: string) =>
    (fake.org.members.get(id) as { email: string } | undefined)?.email ?? '';
  const lines = [
    ...ids.slice(0, 250),
    ...ids.slice(250, 265).map((id) => `<@${id}>`),
    ...ids.slice(265, 280).map(emailOf),
    // Repeats: the same ID again, and e-mails of members already listed by ID.
    ...ids.slice(0, 5),
    ...ids.slice(5, 8).map(emailOf),
    ...ids.slice(10, 14).map((id) => `<@${id}|someone>`),
    SANDBOX.users.bot,
    SANDBOX.users.primaryOwner,
    'W0NOTREAL99',
    'hello there',
    'C0123ABCD',
    SANDBOX.teams.eng.id,
    'https://example.com/team/U0123ABCD',
    'W12',
  ];
  expect(lines).toHaveLength(300);
  const page = await startFromPage(extension, lines.join('\n'), { device: 'Web only' });

  // 280 members, the bot, the primary owner and the unknown one: 283 after merging repeats.
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-valuemax', '283', { timeout: 20_000 });
  await expect(bar).toHaveAttribute('aria-valuenow', '283', { timeout: 30_000 });
  fake.flushBulkResets();

  const sends = sendsPerMember(fake);
  for (const id of ids) {
    expect(sends.get(id), id).toBeGreaterThanOrEqual(1);
    const left = fake.sessionsOf(id).map((s) => s.kind);
    expect(left, id).not.toContain('web');
  }
  for (const junk of ['C0123ABCD', 'HELLO', SANDBOX.teams.eng.id, 'U0123ABCD', 'W12'])
    expect(sends.has(junk)).toBe(false);

  const [job] = await jobs(page);
  expect(job).toMatchObject({ state: 'done', counts: { total: 283, done: 280, failed: 3 } });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results' }).click();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync((await (await download).path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(284);
  const rowOf = (id: string) => csv.find((line) => line.includes(id)) ?? '';
  expect(rowOf(SANDBOX.users.bot)).toContain('cannot_reset_bot');
  expect(rowOf(SANDBOX.users.primaryOwner)).toContain('cannot_reset_primary_owner');
  expect(rowOf('W0NOTREAL99')).toContain('user_not_found');
});

test('a worker stopped mid-job, and the browser closed mid-job and started again, reach the same final state', async ({
  extension,
  fake,
}) => {
  await extension.close();
  const profile = mkdtempSync(join(tmpdir(), 'ssa-bulk-profile-'));
  const ids = generatedIds(fake, 60);
  // One by one, 10 a second: the job takes about six seconds.
  fake.setRateLimit('admin.users.session.reset', 10, 1000);
  try {
    let browser = await launchWithExtension({ fakePort: fake.port, userDataDir: profile });
    await settingsOpenedOnInstall(browser);
    const first = { ...extension, ...browser, page: pageOf(browser) };
    const options = await optionsWithAdminToken(first as ExtensionFixture);
    await startFromPage(first as ExtensionFixture, ids.join('\n'), { oneByOne: true });
    await expect.poll(async () => (await jobs(options))[0]?.counts.done ?? 0).toBeGreaterThan(10);

    await restartServiceWorker(first as ExtensionFixture, options);
    await expect.poll(async () => (await jobs(options))[0]?.counts.done ?? 0).toBeGreaterThan(25);

    // The browser closes mid-job; started again, its worker picks the job up by itself.
    await browser.context.close();
    const sentBeforeRestart = fake.requestsFor('admin.users.session.reset').length;
    expect(sentBeforeRestart).toBeLessThan(60);
    browser = await launchWithExtension({ fakePort: fake.port, userDataDir: profile });
    try {
      await expect
        .poll(() => fake.requestsFor('admin.users.session.reset').length, { timeout: 20_000 })
        .toBeGreaterThan(sentBeforeRestart);
      const page = await pageOf(browser)(POPUP);
      await expect.poll(async () => (await jobs(page))[0]?.state, { timeout: 30_000 }).toBe('done');
      const [job] = await jobs(page);
      expect(job!.counts).toEqual({ total: 60, done: 60, failed: 0, left: 0 });
    } finally {
      await browser.context.close();
    }
    const sends = sendsPerMember(fake);
    for (const id of ids) expect(sends.get(id), id).toBeGreaterThanOrEqual(1);
    // A member in flight at a stop may be sent once more: at most one per stop.
    const twice = ids.filter((id) => (sends.get(id) ?? 0) > 1);
    expect(twice.length).toBeLessThanOrEqual(2);
    for (const id of ids) expect(sends.get(id)).toBeLessThanOrEqual(2);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

function pageOf(browser: { context: ExtensionFixture['context']; extensionId: string }) {
  return async (path: string) => {
    const tab = await browser.context.newPage();
    await tab.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return tab;
  };
}

test('Cancel job sends nothing new; the members not reached say so', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const ids = generatedIds(fake, 40);
  fake.setRateLimit('admin.users.session.reset', 5, 1000);
  const page = await startFromPage(extension, ids.join('\n'), { oneByOne: true });
  await expect
    .poll(async () => (await jobs(page))[0]?.counts.done ?? 0, { timeout: 15_000 })
    .toBeGreaterThan(3);
  await page.getByRole('button', { name: 'Cancel job' }).click();
  await expect.poll(async () => (await jobs(page))[0]?.state).toBe('cancelled');
  const sent = fake.requestsFor('admin.users.session.reset').length;
  await page.waitForTimeout(2500);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(sent);
  const [job] = await jobs(page);
  expect(job!.counts.left).toBe(40 - job!.counts.done - job!.counts.failed);
  expect(job!.counts.left).toBeGreaterThan(0);
  await expect(page.getByRole('table')).toContainText('Not sent');
});

test('a web-only right-click naming more than 50 members opens the bulk page with them filled in and Web only chosen', async ({
  extension,
  fake,
}) => {
  await optionsWithAdminToken(extension);
  const ids = generatedIds(fake, 75);
  const opened = extension.context.waitForEvent('page');
  await rightClick(extension.worker, {
    menuItemId: 'reset-sessions-web',
    selectionText: ids.join(', '),
  });
  const page = await opened;
  await expect(page).toHaveURL(new RegExp(`/${BULK}\\?prefill=`));
  await expect(page.getByLabel('Users')).toHaveValue(new RegExp(ids[74]!));
  await expect(page.getByRole('radio', { name: 'Web only' })).toBeChecked();
  expect(fake.requestsFor('admin.users.session.resetBulk')).toHaveLength(0);
  expect(fake.requestsFor('admin.users.session.reset')).toHaveLength(0);
});
