import { ago } from '../../../shared/time';
import type { ActivityEntry } from '../model';

const ACTION_WORD: Record<ActivityEntry['action'], string> = {
  reset: 'Reset',
  invalidate: 'Ended a session of',
  'bulk-reset': 'Bulk reset',
};

const OUTCOME_WORD: Record<ActivityEntry['outcome'], string> = {
  success: 'done',
  failed: 'failed',
  attempted: 'sending…',
  unknown: 'may or may not have happened',
};

export function RecentActions({ entries }: { entries: ActivityEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" class="hint">
        Recent actions
      </h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <span>
              {ACTION_WORD[e.action]} {e.userName ?? e.userId} · {OUTCOME_WORD[e.outcome]}
            </span>
            <time dateTime={e.at} class="hint">
              {ago(e.at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
