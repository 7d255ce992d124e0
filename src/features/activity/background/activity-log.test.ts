import { beforeEach, expect, it, vi } from 'vitest';
import { installFakeExtension } from '../../../../test/support/fake-extension-storage';
import type { ActivityEntry } from '../model';

type Log = typeof import('./activity-log');
let log: Log;

beforeEach(async () => {
  installFakeExtension();
  vi.resetModules();
  log = await import('./activity-log');
});

const RESET: Omit<ActivityEntry, 'id' | 'at' | 'outcome'> = {
  org: 'Acme',
  orgId: 'E1',
  admin: 'riley',
  adminId: 'W1',
  source: 'popup',
  action: 'reset',
  userId: 'U0ADA',
  scope: 'all',
};

async function completedReset(): Promise<ActivityEntry> {
  const attempt = await log.recordAttempt(RESET);
  return log.completeAttempt(attempt, { outcome: 'success', message: 'Signed Ada out.' });
}

it('adds a check’s sentence to the entry it expects, once', async () => {
  const entry = await completedReset();
  const isAdasReset = (e: ActivityEntry) => e.userId === 'U0ADA' && e.action === 'reset';
  expect(await log.noteOnEntry(entry.id, isAdasReset, 'No active sessions remain.')).toBe(true);
  expect(await log.noteOnEntry(entry.id, isAdasReset, 'No active sessions remain.')).toBe(false);
  const [shown] = await log.listActivity();
  expect(shown?.message).toBe('Signed Ada out. No active sessions remain.');
  // What pages are given is the entry, not how it is kept.
  expect(Object.keys(shown ?? {})).not.toContain('noted');
});

it('leaves an entry alone that is not the one expected, or not there', async () => {
  const entry = await completedReset();
  expect(await log.noteOnEntry(entry.id, (e) => e.userId === 'U0GRACE', 'Nothing.')).toBe(false);
  expect(await log.noteOnEntry('no-such-entry', () => true, 'Nothing.')).toBe(false);
  const [shown] = await log.listActivity();
  expect(shown?.message).toBe('Signed Ada out.');
});
