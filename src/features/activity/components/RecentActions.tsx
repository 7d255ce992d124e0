import browser from '../../../core/browser';
import { ago } from '../../../shared/time';
import type { ActivityEntry } from '../model';

const ACTION_WORD: Record<ActivityEntry['action'], string> = {
  reset: 'Reset',
  invalidate: 'Ended a session of',
  'bulk-reset': 'Bulk reset',
  'set-policy': 'Set the session policy of',
  'clear-policy': 'Cleared the session policy of',
};

const OUTCOME_WORD: Record<ActivityEntry['outcome'], string> = {
  success: 'done',
  failed: 'failed',
  attempted: 'sending…',
  unknown: 'may or may not have happened',
};

/** The settings page, scrolled to this entry's row of Activity. */
export function activityRowUrl(id: string): string {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
  return `${browser.runtime.getURL(page)}#activity-${encodeURIComponent(id)}`;
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
            <a href={activityRowUrl(e.id)} target="_blank" rel="noopener">
              {ACTION_WORD[e.action]} {e.userName ?? e.userId} · {OUTCOME_WORD[e.outcome]}
            </a>
            <time dateTime={e.at} class="hint">
              {ago(e.at)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
