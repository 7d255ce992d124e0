/** Each member of a bulk job in Activity, source "bulk": attempted before sending, then completed. */
import { completeAttemptsBySeq, recordAttempts } from '../../activity/background/activity-log';
import type { ActivityEntry } from '../../activity/model';
import type { JobRecord, JobTarget } from './jobs';

function entryFor(job: JobRecord, target: JobTarget): Omit<ActivityEntry, 'id' | 'at' | 'outcome'> {
  return {
    org: job.org,
    orgId: job.orgId,
    admin: job.admin,
    adminId: job.adminId,
    source: 'bulk',
    action: job.engine === 'bulk' ? 'bulk-reset' : 'reset',
    userId: target.userId ?? target.given,
    userName: target.name,
    userEmail: target.email ?? (target.ref.kind === 'email' ? target.ref.email : undefined),
    scope: job.scope,
    reason: job.reason,
  };
}

/** Records the members about to be sent that have no entry yet (a resend keeps its first one). */
export async function recordSending(job: JobRecord, targets: readonly JobTarget[]): Promise<void> {
  const fresh = targets.filter((t) => t.activitySeq === undefined);
  const seqs = await recordAttempts(fresh.map((t) => entryFor(job, t)));
  fresh.forEach((t, i) => {
    t.activitySeq = seqs[i];
  });
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
