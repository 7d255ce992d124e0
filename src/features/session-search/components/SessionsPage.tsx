/**
 * The Sessions page: every active session of the org, filtered as the admin types, and the
 * matching sessions ended (or their members signed out) as a job of the bulk runner.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from '../../../core/browser';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { ago } from '../../../shared/time';
import { downloadText } from '../../../ui/download';
import { AlertMessage, StatusMessage } from '../../../ui/Message';
import { ReasonField } from '../../../ui/ReasonField';
import { useRegions } from '../../../ui/regions';
import { JobPanel } from '../../bulk/components/JobPanel';
import { useJob } from '../../bulk/components/use-job';
import { amount, members, sessions as sessionsWord } from '../../bulk/components/words';
import { OrgPicker } from '../../tokens/components/OrgPicker';
import { TokenNeeded } from '../../tokens/components/TokenNeeded';
import { useTokenProblem } from '../../tokens/components/TokenProblem';
import type { TokenList } from '../../tokens/messages';
import {
  compileFilters,
  countMembers,
  filterSessions,
  groupMatches,
  type SessionFilters,
} from '../filter';
import { MAX_SESSIONS_TO_END } from '../messages';
import { sessionsCsv } from '../sessions-csv';
import { ConfirmMatching, type MatchAction } from './ConfirmMatching';
import { Filters } from './Filters';
import { type GroupLists, Groups } from './Groups';
import { outcomesOf } from './outcomes';
import { SessionsTable } from './SessionsTable';
import { type LoadProgress, useSessionLoad } from './use-load';
import { useMemberNames } from './use-names';

const NO_FILTERS: SessionFilters = {
  ip: '',
  member: '',
  device: '',
  ipChanged: false,
  workspace: '',
};
const NONE = new Uint32Array(0);
/** An e-mail address typed as the Member filter is looked up once typing pauses. */
const EMAIL_PAUSE_MS = 400;

function filtering(f: SessionFilters): boolean {
  return !!(f.ip.trim() || f.member.trim() || f.device.trim() || f.ipChanged || f.workspace);
}

function sameMatches(a: Uint32Array, b: Uint32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function LoadLine({ progress, now }: { progress: LoadProgress; now: number }) {
  const { phase, pages, sessions, skipped, loadedAt, waitUntil } = progress;
  const counted = t(
    'search_counted',
    t(pages === 1 ? 'search_pages_one' : 'search_pages_many', amount(pages)),
    sessionsWord(sessions),
  );
  if (phase === 'loading' || phase === 'stopping') {
    const wait = waitUntil && waitUntil > now ? Math.ceil((waitUntil - now) / 1000) : 0;
    return (
      <>
        <div
          class="progress indeterminate"
          role="progressbar"
          aria-label={t('search_loadingLabel')}
          aria-valuetext={t('search_soFar', counted)}
        >
          <div class="progress-bar" />
        </div>
        <p>
          {phase === 'stopping' ? t('search_stopping', counted) : t('search_loading', counted)}{' '}
          {wait > 0 ? t('search_slackWait', wait) : t('search_rate')}
        </p>
      </>
    );
  }
  if (!loadedAt) return null;
  const how =
    phase === 'done'
      ? t('search_loadedWhole')
      : phase === 'stopped'
        ? t('search_loadedStopped')
        : t('search_loadedInterrupted');
  return (
    <p class="hint">
      {t('search_loaded', ago(loadedAt), counted, how)}
      {skipped > 0 &&
        ` ${t(skipped === 1 ? 'search_skipped_one' : 'search_skipped_many', amount(skipped))}`}{' '}
      {t('search_changeAllTheTime')}
    </p>
  );
}

export function SessionsPage() {
  const [tokens, setTokens] = useState<TokenList | undefined>();
  const { status, alert, regions } = useRegions();
  const loadTokens = async () => {
    const reply = await ask('ui/tokens/list', {});
    if (reply.ok) setTokens(reply.value);
    else regions.alert(reply.error.message);
  };
  const tokenProblem = useTokenProblem({
    onUnlocked: () => {
      regions.status(t('bulk_unlocked'));
      void loadTokens();
    },
    onNoToken: () => void loadTokens(),
  });
  const onError = (error: ReplyError) => {
    if (!tokenProblem.take(error)) regions.alert(error.message);
  };

  const active = tokens?.tokens.find((token) => token.active);
  const loader = useSessionLoad(onError);
  const { progress, index } = loader;
  const people = useMemberNames(progress.tokenId);
  const followed = useJob(
    active && { tokenId: active.id, orgId: active.enterpriseId ?? active.teamId },
    { regions, onError },
    'session-search',
  );
  const [filters, setFilters] = useState(NO_FILTERS);
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState<{ action: MatchAction; matches: Uint32Array }>();
  const [now, setNow] = useState(Date.now());

  useEffect(() => void loadTokens(), []);
  // Another org became active (here or in another window): its sessions are not these.
  useEffect(() => {
    if (progress.tokenId && progress.tokenId !== active?.id) {
      loader.forget();
      setAsking(undefined);
    }
  }, [active?.id]);
  const loading = progress.phase === 'loading' || progress.phase === 'stopping';
  useEffect(() => {
    if (!loading) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [loading]);
  useEffect(() => {
    if (!filters.member.includes('@')) return;
    const pause = setTimeout(() => void people.findByEmail(filters.member.trim()), EMAIL_PAUSE_MS);
    return () => clearTimeout(pause);
  }, [filters.member, progress.tokenId]);

  const compiled = useMemo(() => compileFilters(filters, people.names), [filters, people.known]);
  const matches = useMemo(
    () => (compiled.ok ? filterSessions(index, compiled.value) : NONE),
    [compiled, index, progress.sessions],
  );
  const memberCount = useMemo(() => countMembers(index, matches), [matches]);
  // The groups follow a moment later, so typing in a filter never waits for them.
  const [groups, setGroups] = useState<GroupLists>();
  useEffect(() => {
    const later = setTimeout(() => setGroups(groupMatches(index, matches)), 0);
    return () => clearTimeout(later);
  }, [matches]);
  // A question about other matches than those now shown would end the wrong sessions.
  useEffect(() => {
    if (asking && !sameMatches(asking.matches, matches)) {
      setAsking(undefined);
      regions.status(t('search_matchesChanged'));
    }
  }, [matches]);

  const workspaces = useMemo(
    () => [...new Set(index.rows.map((r) => r.teamId))].sort(),
    [index, progress.sessions],
  );
  const outcomeOf = useMemo(() => outcomesOf(followed.job), [followed.job]);

  if (tokens && tokens.tokens.length === 0)
    return <TokenNeeded onOpenSettings={() => void browser.runtime.openOptionsPage()} />;

  const loaded = progress.sessions > 0 || progress.phase === 'done';
  const rowsOf = (list: Uint32Array) => Array.from(list, (i) => index.rows[i]!);
  const tooMany = matches.length > MAX_SESSIONS_TO_END;

  const confirm = async () => {
    if (!asking || !active) return;
    const rows = rowsOf(asking.matches);
    const { action } = asking;
    setAsking(undefined);
    regions.clear();
    const reply =
      action === 'invalidate'
        ? await ask('ui/session-search/invalidate', {
            tokenId: active.id,
            sessions: rows.map(({ sessionId, teamId, userId }) => ({ sessionId, teamId, userId })),
            reason: reason.trim() || undefined,
          })
        : await ask('ui/session-search/reset', {
            tokenId: active.id,
            userIds: [...new Set(rows.map((r) => r.userId))],
            reason: reason.trim() || undefined,
          });
    if (!reply.ok) return onError(reply.error);
    followed.show(reply.value);
    const { total } = reply.value.counts;
    regions.status(
      action === 'invalidate'
        ? t('search_ending', sessionsWord(total), reply.value.org)
        : t('search_signingOut', members(total), reply.value.org),
    );
  };

  const exportCsv = () => {
    const csv = sessionsCsv(rowsOf(matches), {
      ...people.names,
      outcomeOf: (row) => outcomeOf(row)?.label,
    });
    const filename = `slack-sessions-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
    downloadText(csv, filename);
    regions.status(t('search_exported', sessionsWord(matches.length), filename));
  };

  const summary = !loaded
    ? t('search_noneLoaded')
    : !compiled.ok
      ? t('search_ipNotUnderstood', compiled.message)
      : filtering(filters)
        ? t(
            'search_matchFiltered',
            sessionsWord(matches.length),
            members(memberCount),
            amount(index.size),
          )
        : t('search_matchAll', sessionsWord(matches.length), members(memberCount));

  return (
    <main>
      <header class="page-head">
        <h1>{t('search_heading')}</h1>
        {tokens && (
          <OrgPicker
            tokens={tokens}
            onSwitched={(switched) => {
              if (switched) setTokens(switched);
              loader.forget();
              setAsking(undefined);
            }}
          />
        )}
      </header>
      <p class="org-line">{active ? t('common_actingAs', active.user, active.team) : ''}</p>

      {tokenProblem.prompt ?? (
        <section class="load" aria-label={t('search_loadRegion')}>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={!active || loading}
              onClick={() => {
                regions.clear();
                setAsking(undefined);
                if (active) loader.load(active.id);
              }}
            >
              {t('search_load')}
            </button>
            {loading && (
              <button type="button" disabled={progress.phase === 'stopping'} onClick={loader.stop}>
                {t('search_stopLoading')}
              </button>
            )}
          </div>
          <LoadLine progress={progress} now={now} />
        </section>
      )}

      <Filters
        filters={filters}
        workspaces={workspaces}
        ipProblem={compiled.ok ? undefined : compiled.message}
        onChange={setFilters}
      />

      <p role="status" aria-label={t('search_matchingSessions')} class="summary">
        {summary}
      </p>

      {loaded && groups && (
        <Groups
          groups={groups}
          nameOf={people.names.nameOf}
          onPickIp={(ip) => setFilters({ ...filters, ip })}
          onPickMember={(member) => setFilters({ ...filters, member })}
          onPickClient={(device) => setFilters({ ...filters, device })}
        />
      )}

      {loaded && (
        <section class="act" aria-label={t('search_actRegion')}>
          <ReasonField value={reason} onInput={setReason} />
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={!active || loading || matches.length === 0 || tooMany}
              onClick={() => setAsking({ action: 'invalidate', matches })}
            >
              {t('search_invalidateMatching')}
            </button>
            <button
              type="button"
              class="danger"
              disabled={!active || loading || matches.length === 0 || tooMany}
              onClick={() => setAsking({ action: 'reset', matches })}
            >
              {t('search_resetMatching')}
            </button>
            <button type="button" disabled={matches.length === 0} onClick={exportCsv}>
              {t('search_exportCsv')}
            </button>
          </div>
          {loading && <p class="hint">{t('search_stopBeforeActing')}</p>}
          {tooMany && <p class="warning">{t('search_tooMany', amount(MAX_SESSIONS_TO_END))}</p>}
        </section>
      )}

      {asking && active && (
        <ConfirmMatching
          action={asking.action}
          sessions={asking.matches.length}
          members={countMembers(index, asking.matches)}
          org={active.team}
          partial={progress.phase !== 'done'}
          reason={reason}
          onConfirm={() => void confirm()}
          onCancel={() => setAsking(undefined)}
        />
      )}

      <StatusMessage>{status}</StatusMessage>
      <AlertMessage>{alert}</AlertMessage>

      {followed.job && active && (
        <JobPanel
          job={followed.job}
          busy={followed.busy}
          rows={false}
          onCancel={() => void followed.cancel(followed.job!.id)}
          onResume={() => void followed.resume(followed.job!.id, active.id)}
          onExport={() => void followed.exportCsv(followed.job!.id)}
        />
      )}

      {loaded && compiled.ok && (
        <SessionsTable
          index={index}
          matches={matches}
          known={people.known}
          outcomeOf={outcomeOf}
          onInView={people.inView}
        />
      )}
    </main>
  );
}
