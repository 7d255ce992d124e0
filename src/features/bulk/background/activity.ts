/**
 * Each member of a bulk job in Activity, source "bulk": attempted before sending, then
 * completed; a member whose e-mail nobody has, failed.
 */
import { requestToPromise, STORE_BULK } from '../../../core/background/idb';
import { completeAttemptsBySeq, recordAttempts } from '../../activity/background/activity-log';
import type { ActivityAction, ActivityEntry } from '../../activity/model';
import type { BulkEngine } from '../model';
import { type JobRecord, type JobTarget, saveJob } from './jobs';

const ACTION_OF_ENGINE: Record<BulkEngine, ActivityAction> = {
  bulk: 'bulk-reset',
  'one-by-one': 'reset',
  invalidate: 'invalidate',
};

function entryFor(job: JobRecord, target: JobTarget): Omit<ActivityEntry, 'id' | 'at' | 'outcome'> {
  return {
    org: job.org,
    orgId: job.orgId,
    environment: job.environment,
    admin: job.admin,
    adminId: job.adminId,
    source: job.source ?? 'bulk',
    action: ACTION_OF_ENGINE[job.engine],
    userId: target.userId ?? target.given,
    userName: target.name,
    userEmail: target.email ?? (target.ref.kind === 'email' ? target.ref.email : undefined),
    // An ended session signs out one device, not the member's scope.
    scope: job.engine === 'invalidate' ? undefined : job.scope,
    sessionId: target.sessionId,
    reason: job.reason,
  };
}

/**
 * Writes the job with an entry for each of `targets` that has none yet, in one transaction:
 * attempted for a member about to be sent (a resend keeps its first entry), failed for one
 * that failed before anything was sent (an e-mail nobody has). Written apart, a worker
 * stopped in between would leave an entry the job does not know of, and the next worker would
 * record the member again.
 */
export async function saveJobWithEntries(
  job: JobRecord,
  targets: readonly JobTarget[],
): Promise<void> {
  const fresh = targets.filter((t) => t.activitySeq === undefined);
  if (fresh.length === 0) return saveJob(job);
  await recordAttempts(
    fresh.map((t) =>
      t.state === 'failed'
        ? { ...entryFor(job, t), outcome: 'failed', errorCode: t.errorCode, message: t.message }
        : entryFor(job, t),
    ),
    {
      store: STORE_BULK,
      write: (store, seqs) => {
        fresh.forEach((t, i) => {
          t.activitySeq = seqs[i];
        });
        return requestToPromise(store.put(job));
      },
    },
  );
}

/** Completes the members' entries with their outcome, as the results table shows it. */
export async function recordOutcomes(job: JobRecord, targets: readonly JobTarget[]): Promise<void> {
  await completeAttemptsBySeq(
    targets.flatMap((t) =>
      t.activitySeq === undefined
        ? []
        : [
            {
              seq: t.activitySeq,
              outcome: {
                ...entryFor(job, t),
                outcome:
                  t.state === 'done' || t.state === 'queued'
                    ? 'success'
                    : t.state === 'unknown'
                      ? 'unknown'
                      : 'failed',
                errorCode: t.errorCode,
                message: t.message,
              } satisfies Partial<ActivityEntry> & Pick<ActivityEntry, 'outcome'>,
            },
          ],
    ),
  );
}

/** A member sent but answered "the token no longer works": nothing happened, said so. */
export async function recordNotDone(
  targets: readonly JobTarget[],
  code: string,
  message: string,
): Promise<void> {
  await completeAttemptsBySeq(
    targets.flatMap((t) =>
      t.activitySeq === undefined
        ? []
        : [
            {
              seq: t.activitySeq,
              outcome: { outcome: 'failed' as const, errorCode: code, message },
            },
          ],
    ),
  );
  for (const t of targets) t.activitySeq = undefined;
}
