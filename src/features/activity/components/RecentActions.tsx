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

function ago(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

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
