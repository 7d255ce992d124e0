/** A bulk reset job as every context may see it: its members, their outcomes, its progress. */
import { t } from '../../shared/i18n';
import type { SessionId } from '../../shared/ids';
import type { DeviceScope } from '../../shared/scope';

/** At most this many members in one job (a few minutes of resetBulk calls). */
export const MAX_BULK_MEMBERS = 10_000;

/**
 * `bulk`: admin.users.session.resetBulk, up to 1,000 members a call (Slack queues the resets).
 * `one-by-one`: admin.users.session.reset per member, paced to its rate limit.
 * `invalidate`: admin.users.session.invalidate per session (a session search's matches).
 */
export type BulkEngine = 'bulk' | 'one-by-one' | 'invalidate';

/** Where a job was started: the bulk page, or the Sessions page's matching sessions or members. */
export type JobSource = 'bulk' | 'session-search';

/**
 * pending: not sent yet; sending: sent, no answer yet (a stop here means it is sent once more);
 * queued: resetBulk accepted it, Slack completes it shortly; done: reset; failed: Slack refused
 * it or it could not be found; unknown: sent, and whether it happened cannot be told;
 * not-sent: the job was cancelled or stopped before it.
 */
export type TargetState =
  | 'pending'
  | 'sending'
  | 'queued'
  | 'done'
  | 'failed'
  | 'unknown'
  | 'not-sent';

/** How each state reads in the results table and the export. */
export const TARGET_STATE_LABEL: Record<TargetState, string> = {
  pending: t('bulk_targetPending'),
  sending: t('bulk_targetSending'),
  queued: t('bulk_targetQueued'),
  done: t('bulk_targetDone'),
  failed: t('bulk_targetFailed'),
  unknown: t('bulk_targetUnknown'),
  'not-sent': t('bulk_targetNotSent'),
};

export interface BulkTargetView {
  /** What the admin gave for this member (an ID, an e-mail, a link…), as written. */
  given: string;
  userId?: string;
  email?: string;
  /** Known when Slack named the member (an e-mail look-up). */
  name?: string;
  state: TargetState;
  /** Slack's error as a sentence, or a note (sent twice, queued at Slack). */
  message?: string;
  errorCode?: string;
  /** In flight when the worker stopped, so sent a second time. */
  resent?: boolean;
  /** A session to end (an `invalidate` job), with the workspace it was listed in. */
  sessionId?: SessionId;
  teamId?: string;
}

/**
 * waiting: in line behind another job of the same org; running; done; cancelled: the admin
 * stopped it; stopped: the token no longer works (say why, resume with a new one).
 */
export type JobState = 'waiting' | 'running' | 'done' | 'cancelled' | 'stopped';

export interface BulkCounts {
  total: number;
  /** Reset, or queued at Slack. */
  done: number;
  /** Refused, not found, or unknown. */
  failed: number;
  /** Not yet sent. */
  left: number;
}

export interface BulkJobSummary {
  id: string;
  tokenId: string;
  org: string;
  /** The org's ID: one job runs at a time per org. */
  orgId: string;
  scope: DeviceScope;
  engine: BulkEngine;
  source: JobSource;
  reason?: string;
  state: JobState;
  counts: BulkCounts;
  /** ISO times. */
  createdAt: string;
  startedAt?: string;
  endedAt?: string;
  /** Seconds left at the rate seen so far, once there is one. */
  etaSeconds?: number;
  /** Why it stopped, as a sentence (a revoked token, say). */
  stopMessage?: string;
  /** While waiting: how many jobs of the org are ahead of it (1: it is next). */
  placeInLine?: number;
}

export interface BulkJobView extends BulkJobSummary {
  targets: BulkTargetView[];
}

/** Finished members: what the progress bar counts. */
export function finished(counts: BulkCounts): number {
  return counts.done + counts.failed;
}
