/** Activity records every action before it is sent, so a worker stopped mid-request loses none. */

import type { Page } from '@playwright/test';
import { SANDBOX } from '../fake-slack';
import {
  activeTokenId,
  askBackground,
  expect,
  OPTIONS,
  optionsWithAdminToken,
  POPUP,
  restartServiceWorker,
  test,
} from './fixtures';

test('a reset the worker was stopped in the middle of shows in Activity as may or may not have happened', async ({
  extension,
  fake,
}) => {
  const options = await optionsWithAdminToken(extension);
  // Slack takes its time to answer; the browser stops the worker meanwhile.
  fake.injectFault('admin.users.session.reset', { kind: 'delay', ms: 8_000 });
  const popup = await extension.page(POPUP);
  await popup.getByLabel('User').fill(SANDBOX.users.ada);
  await popup.getByRole('button', { name: 'Reset sessions' }).click();
  await popup.getByRole('button', { name: 'Confirm reset' }).click();
  await expect.poll(() => fake.requestsFor('admin.users.session.reset').length).toBe(1);
  await restartServiceWorker(extension, options);

  const activity = await extension.page(OPTIONS);
  const row = activity.getByRole('row').filter({ hasText: 'Ada Lovelace' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('May or may not have happened');
  await expect(row).toContainText('Check the member’s sessions before trying again');
  // The popup, whose answer never came, says so instead of claiming an outcome.
  await expect(popup.getByRole('alert')).toContainText('did not answer');
});

test('Activity lists every action newest first, filters, and exports one CSV row per entry', async ({
  extension,
}) => {
  const options = await optionsWithAdminToken(extension);
  for (const userId of [SANDBOX.users.ada, SANDBOX.users.grace, SANDBOX.users.bot]) {
    await askBackground(options, {
      type: 'ui/sessions/reset',
      tokenId: await activeTokenId(options),
      userId,
      scope: 'all',
      source: 'popup',
    });
  }
  const rows = options.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Deploy Bot');
  await expect(rows.nth(1)).toContainText('Failed');
  await expect(rows.nth(3)).toContainText('Ada Lovelace');

  const headerWidths = () =>
    options
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
  const widthsBefore = await headerWidths();
  await options.getByLabel('Outcome').selectOption('failed');
  await expect(rows).toHaveCount(2);
  // The columns stay where they were: filtering does not make them jump.
  expect(await headerWidths()).toEqual(widthsBefore);
  await options.getByLabel('Outcome').selectOption('');
  await options.getByLabel('Member', { exact: true }).fill('grace');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Grace Hopper');

  // Export CSV exports what is shown: the filter's one row, and says so beforehand.
  const exportButton = options.getByRole('button', { name: 'Export CSV' });
  await expect(exportButton).toHaveAccessibleDescription('Exports the 1 entry shown.');
  const filteredLines = await exportedLines(options);
  expect(filteredLines).toHaveLength(2);
  expect(filteredLines[1]).toContain(SANDBOX.users.grace);
  expect(filteredLines.join('\n')).not.toContain(SANDBOX.users.ada);
  expect(filteredLines.join('\n')).not.toContain(SANDBOX.users.bot);

  await options.getByLabel('Member', { exact: true }).fill('');
  await expect(rows).toHaveCount(4);
  await expect(exportButton).toHaveAccessibleDescription('Exports every entry.');
  const lines = await exportedLines(options);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toContain('User ID');
  expect(lines[1]).toContain(SANDBOX.users.bot);
  expect(lines[1]).toContain('cannot_reset_bot');
});

async function exportedLines(options: Page): Promise<string[]> {
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export CSV' }).click();
  const path = await (await download).path();
  const { readFileSync } = await import('node:fs');
  return readFileSync(path, 'utf8').trim().split('\r\n');
}

test('Activity shows times with their zone and exports them as ISO 8601 with the offset', async ({
  extension,
}) => {
  const options = await optionsWithAdminToken(extension);
  await askBackground(options, {
    type: 'ui/sessions/reset',
    tokenId: await activeTokenId(options),
    userId: SANDBOX.users.ada,
    scope: 'all',
    source: 'popup',
  });
  const row = options.getByRole('table').getByRole('row').nth(1);
  await expect(row).toContainText('Ada Lovelace');
  const zone = await options.evaluate(
    () =>
      new Intl.DateTimeFormat(undefined, { timeZoneName: 'short' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? '',
  );
  expect(zone).not.toBe('');
  const shown = (await row.getByRole('cell').first().textContent()) ?? '';
  expect(shown).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /);
  expect(shown.endsWith(` ${zone}`)).toBe(true);

  const lines = await exportedLines(options);
  const time = lines[1]!.split(',')[0]!;
  expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  // The same wall-clock time as the page shows.
  expect(time.slice(0, 19).replace('T', ' ')).toBe(shown.slice(0, 19));
});

test('Activity keeps the newest 10,000 entries and drops the oldest first', async ({
  extension,
}) => {
  const options = await optionsWithAdminToken(extension);
  // Fill the log to its bound directly in the extension's database, oldest first.
  await options.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('session-admin');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('activity', 'readwrite');
    const store = tx.objectStore('activity');
    for (let i = 0; i < 10_000; i++) {
      store.add({
        id: `old-${i}`,
        at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
        org: 'Acme Sandbox Org',
        orgId: 'E0SANDBOX01',
        admin: 'riley.admin',
        adminId: 'W0SBXADMIN1',
        source: 'popup',
        action: 'reset',
        userId: `W0OLD${String(i).padStart(6, '0')}`,
        outcome: 'success',
      });
    }
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await askBackground(options, {
    type: 'ui/sessions/reset',
    tokenId: await activeTokenId(options),
    userId: SANDBOX.users.ada,
    scope: 'all',
    source: 'popup',
  });
  const all = await askBackground<{ value: { id: string; userId: string }[] }>(options, {
    type: 'ui/activity/list',
  });
  expect(all.value).toHaveLength(10_000);
  expect(all.value[0]!.userId).toBe(SANDBOX.users.ada);
  expect(all.value.some((e) => e.id === 'old-0')).toBe(false);
  expect(all.value.at(-1)!.id).toBe('old-1');
});
