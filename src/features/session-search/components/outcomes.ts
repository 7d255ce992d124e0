/** Each loaded session's outcome, from the job the page follows. */
import { t } from '../../../shared/i18n';
import { type BulkJobView, TARGET_STATE_LABEL, type TargetState } from '../../bulk/model';
import { type SessionRow, sessionKey } from '../model';
import type { RowOutcome } from './SessionsTable';

function label(job: BulkJobView, state: TargetState): string {
  if (state === 'done')
    return job.engine === 'invalidate' ? t('search_ended') : TARGET_STATE_LABEL.done;
  return TARGET_STATE_LABEL[state];
}

/** An ended session is found by its key; a signed-out member's sessions by the member. */
export function outcomesOf(
  job: Partial<BulkJobView> | undefined,
): (row: SessionRow) => RowOutcome | undefined {
  if (!job?.targets || !job.engine) return () => undefined;
  const full = job as BulkJobView;
  const found = new Map<string, RowOutcome>();
  for (const target of full.targets) {
    const key =
      full.engine === 'invalidate'
        ? target.sessionId &&
          target.teamId &&
          sessionKey({ teamId: target.teamId, sessionId: target.sessionId })
        : target.userId;
    if (key) found.set(key, { label: label(full, target.state), message: target.message });
  }
  return full.engine === 'invalidate'
    ? (row) => found.get(sessionKey(row))
    : (row) => found.get(row.userId);
}
