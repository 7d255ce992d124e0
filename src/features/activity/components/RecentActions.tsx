import browser from '../../../core/browser';
import { type MessageKey, t } from '../../../shared/i18n';
import { ago } from '../../../shared/time';
import type { ActivityEntry } from '../model';

const ACTION_WORD: Record<ActivityEntry['action'], MessageKey> = {
  reset: 'recent_reset',
  invalidate: 'recent_invalidate',
  'bulk-reset': 'recent_bulkReset',
  'set-policy': 'recent_setPolicy',
  'clear-policy': 'recent_clearPolicy',
};

const OUTCOME_WORD: Record<ActivityEntry['outcome'], MessageKey> = {
  success: 'recent_success',
  failed: 'recent_failed',
  attempted: 'recent_attempted',
  unknown: 'recent_unknown',
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
        {t('recent_heading')}
      </h2>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={activityRowUrl(e.id)} target="_blank" rel="noopener">
              {t(ACTION_WORD[e.action])} {e.userName ?? e.userId} · {t(OUTCOME_WORD[e.outcome])}
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
