import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_LABEL } from '../../../shared/scope';
import { downloadText } from '../../../ui/download';
import type { Report } from '../../../ui/feedback';
import { ENVIRONMENT_NAME } from '../../tokens/model';
import { ACTIVITY_OUTCOME_LABEL, type ActivityEntry, type ActivityOutcome } from '../model';
import { timeWithZone } from '../time';

const SHOWN = 500;

const SOURCE_LABEL: Record<ActivityEntry['source'], string> = {
  popup: t('activity_sourcePopup'),
  page: t('activity_sourcePage'),
  'context-menu': t('activity_sourceMenu'),
  bulk: t('activity_sourceBulk'),
  'session-search': t('activity_sourceSearch'),
};

const ACTION_LABEL: Record<ActivityEntry['action'], string> = {
  reset: t('activity_actionReset'),
  invalidate: t('activity_actionInvalidate'),
  'bulk-reset': t('activity_actionBulk'),
  'set-policy': t('activity_actionSetPolicy'),
  'clear-policy': t('activity_actionClearPolicy'),
};

/** Widths fixed up front, so filtering to other rows does not make the columns jump. */
const COLUMNS: { name: string; width: string }[] = [
  { name: t('activity_colTime'), width: '13%' },
  { name: t('activity_colOrg'), width: '9%' },
  { name: t('activity_colAdmin'), width: '9%' },
  { name: t('activity_colSource'), width: '8%' },
  { name: t('activity_colAction'), width: '12%' },
  { name: t('activity_colMember'), width: '15%' },
  { name: t('activity_colDevices'), width: '8%' },
  { name: t('activity_colOutcome'), width: '14%' },
  { name: t('activity_colReason'), width: '12%' },
];

const rowId = (entryId: string) => `activity-${entryId}`;

function linkedEntryId(): string | undefined {
  const match = /^#activity-(.+)$/.exec(location.hash);
  try {
    return match ? decodeURIComponent(match[1]!) : undefined;
  } catch {
    // A hand-typed, broken address links to no row.
    return undefined;
  }
}

export function ActivitySection({ report }: { report: Report }) {
  const [entries, setEntries] = useState<ActivityEntry[]>([]);
  const [user, setUser] = useState('');
  const [outcome, setOutcome] = useState<'' | ActivityOutcome>('');

  const load = useCallback(async () => {
    const reply = await ask('ui/activity/list', {
      filter: { user: user || undefined, outcome: outcome || undefined },
      limit: SHOWN,
    });
    if (reply.ok) setEntries(reply.value);
    else report({ alert: reply.error.message });
  }, [user, outcome, report]);

  useEffect(() => {
    void load();
    // The background announces new entries; refresh while the page is open.
    return onNoticeToPages('bg-to-pages/activity/added', () => void load());
  }, [load]);

  // Opened from the popup's recent actions: that entry's row, in view and focused, once.
  const linked = useRef(linkedEntryId());
  useEffect(() => {
    if (!linked.current || !entries.some((e) => e.id === linked.current)) return;
    const row = document.getElementById(rowId(linked.current));
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
    linked.current = undefined;
  }, [entries]);
  const highlighted = useRef(linkedEntryId()).current;

  const filtered = Boolean(user || outcome);
  const exportScope = !filtered
    ? t('activity_exportsAll')
    : entries.length < SHOWN
      ? entries.length === 1
        ? t('activity_exportsShownOne')
        : t('activity_exportsShownMany', entries.length)
      : t('activity_exportsMatching');

  const exportCsv = async () => {
    const reply = await ask('ui/activity/export-csv', {
      filter: { user: user || undefined, outcome: outcome || undefined },
    });
    if (!reply.ok) return report({ alert: reply.error.message });
    downloadText(reply.value.csv, reply.value.filename);
    report({
      status: filtered
        ? t('activity_exportedFiltered', reply.value.filename)
        : t('activity_exportedAll', reply.value.filename),
    });
  };

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">{t('activity_heading')}</h2>
      <div class="filters">
        <div>
          <label for="activity-user">{t('activity_filterMember')}</label>
          <input
            id="activity-user"
            type="search"
            value={user}
            onInput={(e) => setUser(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="activity-outcome">{t('activity_filterOutcome')}</label>
          <select
            id="activity-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as typeof outcome)}
          >
            <option value="">{t('activity_allOutcomes')}</option>
            {(Object.keys(ACTIVITY_OUTCOME_LABEL) as ActivityOutcome[]).map((value) => (
              <option key={value} value={value}>
                {ACTIVITY_OUTCOME_LABEL[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="button" onClick={exportCsv} aria-describedby="activity-export-scope">
            {t('activity_exportCsv')}
          </button>
          <p id="activity-export-scope" class="hint">
            {exportScope}
          </p>
        </div>
      </div>
      {entries.length === SHOWN && (
        <p class="hint">
          {filtered ? t('activity_newestShownFiltered', SHOWN) : t('activity_newestShown', SHOWN)}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{user || outcome ? t('activity_noneMatch') : t('activity_noneYet')}</p>
      ) : (
        <div class="activity-wrap">
          <table class="activity-table" style={{ tableLayout: 'fixed', width: '100%' }}>
            <caption class="visually-hidden">{t('activity_caption')}</caption>
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c.name} style={{ width: c.width }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.name} scope="col">
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.id}
                  id={rowId(e.id)}
                  tabIndex={-1}
                  aria-current={e.id === highlighted ? 'true' : undefined}
                >
                  <td>
                    <time dateTime={e.at}>{timeWithZone(e.at)}</time>
                  </td>
                  <td>
                    {e.org}
                    {e.environment && <div class="hint">{ENVIRONMENT_NAME[e.environment]}</div>}
                  </td>
                  <td>{e.admin}</td>
                  <td>{SOURCE_LABEL[e.source]}</td>
                  <td>
                    {ACTION_LABEL[e.action]}
                    {e.sessionId && <div class="hint">{t('activity_session', e.sessionId)}</div>}
                  </td>
                  <td>
                    {e.userName ? `${e.userName} ` : ''}
                    {e.userId}
                    {e.userEmail && <div class="hint">{e.userEmail}</div>}
                  </td>
                  <td>{e.scope ? DEVICE_SCOPE_LABEL[e.scope] : ''}</td>
                  <td class={`outcome-${e.outcome}`}>
                    {ACTIVITY_OUTCOME_LABEL[e.outcome]}
                    {e.message && <div class="hint">{e.message}</div>}
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
