/** A saved token and bulk jobs as the background would describe them, for the bulk page's tests. */
import type { BulkJobSummary, BulkJobView, BulkTargetView } from '../../src/features/bulk/model';
import { SAVED_TOKEN } from './saved-token';

export const TOKEN = SAVED_TOKEN;

export const JOB: BulkJobSummary = {
  id: 'j1',
  tokenId: 't1',
  org: 'Acme Corp',
  orgId: 'E0123ABCD',
  scope: 'all',
  engine: 'bulk',
  source: 'bulk',
  state: 'running',
  counts: { total: 3, done: 1, failed: 1, left: 1 },
  createdAt: '2024-05-01T10:00:00.000Z',
  startedAt: '2024-05-01T10:00:01.000Z',
  etaSeconds: 180,
};

export const TARGETS: BulkTargetView[] = [
  {
    given: 'U0123ABCD',
    userId: 'U0123ABCD',
    name: 'Ada Lovelace',
    state: 'queued',
    message: 'Slack accepted the request; the sessions end within moments.',
  },
  {
    given: 'grace@example.com',
    email: 'grace@example.com',
    userId: 'U0GRACE001',
    name: 'Grace Hopper',
    state: 'failed',
    errorCode: 'user_not_found',
    message: 'No member of Acme Corp has that ID.',
  },
  { given: 'U0999ZZZZ', userId: 'U0999ZZZZ', state: 'pending' },
];

export function jobView(summary: BulkJobSummary = JOB, targets = TARGETS): BulkJobView {
  return { ...summary, targets };
}

/** `count` members, every one signed out. */
export function manyTargets(count: number): BulkTargetView[] {
  return Array.from({ length: count }, (_, i) => {
    const userId = `U${String(i).padStart(9, '0')}`;
    return { given: userId, userId, state: 'done' as const };
  });
}
