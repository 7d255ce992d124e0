import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { waitSentence } from '../../../shared/time';
import { parseUrl } from '../../../shared/url';
import { AlertMessage, StatusMessage } from '../../../ui/Message';
import { ReasonField } from '../../../ui/ReasonField';
import { ScopeChoice } from '../../sessions/components/ScopeChoice';
import { SIGN_BACK_IN_NOTE } from '../../sessions/model';
import { useTokenProblem } from '../../tokens/components/TokenProblem';
import type { Asker, ConfirmationView } from '../messages';
import { outcomeKind, outcomeSummary, outcomeWord, resultsText } from '../model';
import { useArming } from './arming';

/**
 * The extension-owned confirmation for resets started on a web page or from the context
 * menu. A web page cannot script this window; only a deliberate press here starts a reset.
 */
export function ConfirmPage({ id }: { id: string }) {
  const [view, setView] = useState<ConfirmationView | undefined>();
  const [scope, setScope] = useState<DeviceScope>('all');
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const [alert, setAlert] = useState<string | undefined>();
  const [remember, setRemember] = useState(true);
  const [picked, setPicked] = useState<string | undefined>();
  const [includeSelf, setIncludeSelf] = useState(false);
  const [wait, setWait] = useState<string | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  // What Unlock goes on with: loading the question, or the Confirm or Retry the lock stopped.
  const afterUnlock = useRef<() => void>(() => void load());
  const tokenProblem = useTokenProblem({
    onUnlocked: () => {
      const goOn = afterUnlock.current;
      afterUnlock.current = () => void load();
      goOn();
    },
  });
  /** A locked token shows Unlock, which then runs `goOn`; true when it was that. */
  const unlockThen = (error: Parameters<typeof tokenProblem.take>[0], goOn: () => void) => {
    if (!tokenProblem.take(error)) return false;
    afterUnlock.current = goOn;
    return true;
  };

  const show = (reply: Awaited<ReturnType<typeof ask<'ui/confirmation/get'>>>) => {
    if (!reply.ok) {
      if (!tokenProblem.take(reply.error)) setAlert(reply.error.message);
      return;
    }
    setAlert(undefined);
    setView(reply.value);
    setScope(reply.value.scope);
  };
  const load = async () => show(await ask('ui/confirmation/get', { id }));
  useEffect(() => {
    void load();
  }, []);
  useEffect(
    () =>
      onNoticeToPages('bg-to-pages/reset/waiting', (notice) => {
        if (notice.confirmationId === id) setWait(waitSentence(notice.seconds, notice.retryAt));
      }),
    [],
  );

  const done = view?.outcomes;
  const shown = view !== undefined;
  // When the outcomes arrive, focus goes to them: never left on a button that went away.
  const finished = Boolean(done && done.length > 0);
  useEffect(() => {
    if (finished) outcomeHeading.current?.focus();
  }, [finished]);
  // The initial focus: Enter on a window that just appeared cancels.
  useEffect(() => {
    if (shown) cancelButton.current?.focus();
  }, [shown]);
  const needsOrg = Boolean(view?.orgChoice && !view.tokenId);
  // A new question (another org picked) starts the arming delay again.
  const { armed, takePress } = useArming(Boolean(view && !done), view?.tokenId, () =>
    cancelButton.current?.focus(),
  );

  const choose = async (tokenId: string) => {
    setPicked(tokenId);
    setWorking(true);
    const reply = await ask('ui/confirmation/choose-org', { id, tokenId, remember });
    setWorking(false);
    show(reply);
  };

  const answer = async (confirmed: boolean) => {
    setWorking(true);
    const reply = await ask('ui/confirmation/answer', {
      id,
      confirmed,
      scope,
      reason: reason.trim() || undefined,
      includeSelf,
    });
    setWorking(false);
    setWait(undefined);
    // Nothing was sent: Confirm was already pressed, so it goes on once the token is unlocked.
    if (!reply.ok && confirmed && unlockThen(reply.error, () => void answer(true))) return;
    if (!reply.ok) return setAlert(reply.error.message);
    if (!confirmed) return window.close();
    setView(reply.value);
  };

  const retry = async () => {
    setWorking(true);
    setCopied(undefined);
    const reply = await ask('ui/confirmation/retry-failed', { id });
    setWorking(false);
    setWait(undefined);
    if (!reply.ok && unlockThen(reply.error, () => void retry())) return;
    if (!reply.ok) return setAlert(reply.error.message);
    setView(reply.value);
    outcomeHeading.current?.focus();
  };

  const copy = async () => {
    if (!done) return;
    try {
      await navigator.clipboard.writeText(resultsText(done));
      setCopied(`Copied ${done.length} ${done.length === 1 ? 'line' : 'lines'}, one per member.`);
    } catch {
      setCopied('Could not copy: the browser refused the clipboard. Select the list and copy it.');
    }
  };

  if (tokenProblem.prompt) {
    return (
      <main>
        <h1>Reset Slack sessions</h1>
        {tokenProblem.prompt}
      </main>
    );
  }

  const targets = view?.targets ?? [];
  const self = targets.find((t) => t.refusal?.kind === 'self');
  const refused = targets.filter((t) => t.refusal && t.refusal.kind !== 'self');
  const sendable = targets.filter((t) => !t.refusal);
  const count = sendable.length + (self && includeSelf ? 1 : 0);
  const retryable = done?.some((o) => o.retryable) ?? false;
  return (
    <main
      onKeyDown={(e) => {
        if (e.key === 'Escape' && view && !done && !working) void answer(false);
      }}
    >
      <h1>Reset Slack sessions</h1>
      {view && <AskedBy asker={view.asker} />}
      {view && !done && (
        // Enter in a field submits nothing: only Confirm itself answers.
        <form onSubmit={(e) => e.preventDefault()}>
          {view.orgChoice && (
            <OrgChoice
              choice={view.orgChoice}
              chosen={view.tokenId ?? picked}
              remember={remember}
              disabled={working}
              onRemember={setRemember}
              onChoose={(tokenId) => void choose(tokenId)}
            />
          )}
          {!needsOrg && (
            <>
              {count > 0 ? (
                <p>
                  {count === 1 ? 'This member' : `These ${count} members`} of{' '}
                  <strong>{view.org}</strong> will be {DEVICE_SCOPE_EFFECT[scope]}:
                </p>
              ) : (
                <p class="warning">
                  Nothing here can be signed out in <strong>{view.org}</strong>: Slack would refuse
                  every member listed. Cancel, or start again with other members.
                </p>
              )}
              {count > 0 && (
                <ul class="targets">
                  {sendable.map((t) => (
                    <li key={t.label}>{t.label}</li>
                  ))}
                  {self && includeSelf && <li key={self.label}>{self.label} (you)</li>}
                </ul>
              )}
              {refused.length > 0 && (
                <>
                  <p id="refused-heading" class="warning">
                    {refused.length === 1
                      ? 'This member is'
                      : `These ${refused.length} members are`}{' '}
                    left out and not sent, as Slack would refuse them:
                  </p>
                  <ul class="targets refused" aria-labelledby="refused-heading">
                    {refused.map((t) => (
                      <li key={t.label}>
                        <strong>{t.label}</strong> — {t.refusal?.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {self && (
                <label class="checkbox-line warning">
                  <input
                    type="checkbox"
                    checked={includeSelf}
                    disabled={working}
                    onChange={(e) => setIncludeSelf(e.currentTarget.checked)}
                  />{' '}
                  Also sign out my own account, {self.label}: {self.refusal?.reason}
                </label>
              )}
              <ScopeChoice value={scope} onChange={setScope} />
              <ReasonField value={reason} onInput={setReason} />
            </>
          )}
          <div class="actions">
            <button
              type="button"
              class="danger"
              ref={confirmButton}
              disabled={working || !armed || needsOrg || count === 0}
              onClick={() => {
                // Only a press that began on Confirm once it was armed: never a key held or a
                // click already on its way when the window appeared or came back to the front.
                if (armed && !needsOrg && count > 0 && takePress(confirmButton.current))
                  void answer(true);
              }}
            >
              Confirm reset
            </button>
            <button
              type="button"
              ref={cancelButton}
              onClick={() => answer(false)}
              disabled={working}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {done && done.length > 0 && (
        <h2 ref={outcomeHeading} tabIndex={-1}>
          {outcomeSummary(done)}
        </h2>
      )}
      {done?.some((o) => o.ok) && <p class="hint">{SIGN_BACK_IN_NOTE}</p>}
      <StatusMessage>
        {working && !needsOrg && (wait ? `${wait}.` : 'Resetting…')}
        {done && <OutcomeList outcomes={done.filter((o) => o.ok)} />}
        {view?.cancelled && 'Cancelled. Nothing was sent to Slack.'}
        {copied}
      </StatusMessage>
      <AlertMessage>
        {alert}
        {done && <OutcomeList outcomes={done.filter((o) => !o.ok)} />}
      </AlertMessage>
      {done && (
        <div class="actions">
          {done.length > 0 && (
            <button type="button" onClick={() => void copy()}>
              Copy results
            </button>
          )}
          {retryable && (
            <button type="button" disabled={working} onClick={() => void retry()}>
              Retry failed
            </button>
          )}
          <button type="button" onClick={() => window.close()}>
            Close
          </button>
        </div>
      )}
    </main>
  );
}

/** Which page or surface asked, as the browser reported it. */
function AskedBy({ asker }: { asker: Asker }) {
  // Opaque origins (file:, data:, sandboxed frames) read "null": no host to name.
  const where = parseUrl(asker.origin)?.host || 'a page';
  return (
    <p class="asker">
      {asker.surface === 'page' ? 'Asked by a button on ' : 'Asked from the right-click menu on '}
      <strong>{where}</strong>
      {asker.title ? ` (“${asker.title}”)` : ''}.
    </p>
  );
}

function OrgChoice(props: {
  choice: NonNullable<ConfirmationView['orgChoice']>;
  chosen?: string;
  remember: boolean;
  disabled: boolean;
  onRemember: (remember: boolean) => void;
  onChoose: (tokenId: string) => void;
}) {
  const { host, orgs, rememberable } = props.choice;
  if (orgs.length === 0) {
    return (
      <p class="warning">
        This extension does not know which org {host} belongs to, and no saved org is on the same
        Slack. Nothing can be reset from this page: cancel, or save this org’s token in the settings
        first.
      </p>
    );
  }
  return (
    <fieldset>
      <legend>Org</legend>
      <p class="hint">
        This extension does not know which org {host} belongs to. Choose it to go on, or cancel.
      </p>
      <div class="choices">
        {orgs.map((org) => (
          <label key={org.tokenId}>
            <input
              type="radio"
              name="org"
              value={org.tokenId}
              checked={props.chosen === org.tokenId}
              disabled={props.disabled}
              onChange={() => props.onChoose(org.tokenId)}
            />
            {org.team}
          </label>
        ))}
      </div>
      {rememberable && (
        <label class="checkbox-line">
          <input
            type="checkbox"
            checked={props.remember}
            disabled={props.disabled || props.chosen !== undefined}
            onChange={(e) => props.onRemember(e.currentTarget.checked)}
          />{' '}
          Remember that {host} belongs to this org
        </label>
      )}
    </fieldset>
  );
}

function OutcomeList({ outcomes }: { outcomes: NonNullable<ConfirmationView['outcomes']> }) {
  if (outcomes.length === 0) return null;
  return (
    <ul class="outcomes">
      {outcomes.map((o) => (
        <li key={o.label}>
          <strong class={`word ${outcomeKind(o)}`}>{outcomeWord(outcomeKind(o))}</strong>{' '}
          {o.message}
        </li>
      ))}
    </ul>
  );
}
