/**
 * A member's sessions as compact rows: what each runs in, where it signed in and is seen
 * from, and its Invalidate, confirmed in place on a line of its own so nothing is clipped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { Rich } from '../../../ui/rich';
import type { MemberView } from '../../members/model';
import { memberLabel } from '../../members/model';
import { SESSION_KIND_LABEL, type SessionView, sessionKind } from '../model';

/** An address never breaks inside itself; a click selects all of it, for copying. */
function Ip({ value }: { value: string | undefined }) {
  if (!value) return <span class="unknown">{t('session_unknownIp')}</span>;
  return <code class="ip">{value}</code>;
}

function SessionRow(props: {
  session: SessionView;
  showWorkspace: boolean;
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const s = props.session;
  const cancel = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // The question takes the focus on its safe answer, and gives it back when withdrawn.
  useEffect(() => {
    if (props.confirming) cancel.current?.focus();
    else if (wasConfirming.current) ask.current?.focus();
    wasConfirming.current = props.confirming;
  }, [props.confirming]);
  const moved = s.createdIp && s.lastSeenIp && s.createdIp !== s.lastSeenIp;
  return (
    <tr data-session-id={s.sessionId}>
      <td>
        <div class="session-line">
          <strong class="token">{SESSION_KIND_LABEL[sessionKind(s)]}</strong>
          <span class="token">
            {[s.os, s.device && `(${s.device})`].filter(Boolean).join(' ') ||
              t('session_unknownDevice')}
          </span>
          {s.clientVersion && <span class="token">{t('session_client', s.clientVersion)}</span>}
        </div>
        <div class="session-line hint">
          <span class="token">
            <Rich id="session_signedInFrom" values={[<Ip value={s.createdIp} />]} />
          </span>
          <span class={moved ? 'token moved' : 'token'}>
            <Rich id="session_seenFrom" values={[<Ip value={s.lastSeenIp} />]} />
          </span>
          {props.showWorkspace && <span class="token">{t('session_workspace', s.teamId)}</span>}
          {/* The ID outcomes and Activity name ("Ended session 1112…"), to match them here. */}
          <span class="token">
            <Rich id="session_id" values={[<code class="session-id">{s.sessionId}</code>]} />
          </span>
        </div>
        {props.confirming && (
          <div class="session-confirm">
            <span>{t('session_endQuestion', s.sessionId)}</span>
            <button type="button" class="danger" onClick={props.onConfirm}>
              {t('session_confirmInvalidate')}
            </button>
            <button type="button" ref={cancel} onClick={props.onCancel}>
              {t('common_cancel')}
            </button>
          </div>
        )}
      </td>
      <td class="session-action">
        {!props.confirming && (
          <button type="button" ref={ask} onClick={props.onAsk}>
            {t('session_invalidate')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function SessionsTable(props: {
  member: MemberView;
  sessions: SessionView[];
  onInvalidate: (session: SessionView) => Promise<void>;
}) {
  const [confirming, setConfirming] = useState<string | undefined>();
  const caption = t('member_sessionsOf', memberLabel(props.member));
  if (props.sessions.length === 0) return <p class="no-sessions">{t('session_none')}</p>;
  // Members of several workspaces have sessions in each: say which, only when it tells apart.
  const showWorkspace = new Set(props.sessions.map((s) => s.teamId)).size > 1;
  return (
    <table class="sessions">
      <caption class="visually-hidden">{caption}</caption>
      <thead class="visually-hidden">
        <tr>
          <th scope="col">{t('session_columnSession')}</th>
          <th scope="col">{t('session_columnActions')}</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s) => (
          <SessionRow
            key={s.sessionId}
            session={s}
            showWorkspace={showWorkspace}
            confirming={confirming === s.sessionId}
            onAsk={() => setConfirming(s.sessionId)}
            onCancel={() => setConfirming(undefined)}
            onConfirm={async () => {
              await props.onInvalidate(s);
              setConfirming(undefined);
            }}
          />
        ))}
      </tbody>
    </table>
  );
}
