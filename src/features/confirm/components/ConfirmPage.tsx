import { useEffect, useRef, useState } from 'preact/hooks';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { waitSentence } from '../../../shared/time';
import { parseUrl } from '../../../shared/url';
import { AlertMessage, StatusMessage } from '../../../ui/Message';
import { ReasonField } from '../../../ui/ReasonField';
import { Rich } from '../../../ui/rich';
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

  // The Confirm or Retry a lock stopped, which Unlock then sends; otherwise Unlock loads the question.
  const [stoppedByLock, setStoppedByLock] = useState<(() => void) | undefined>();
  const tokenProblem = useTokenProblem({
    onUnlocked: () => {
      setStoppedByLock(undefined);
      if (stoppedByLock) stoppedByLock();
      else void load();
    },
  });
  /** A locked token shows Unlock, which then runs `goOn`; true when it was that. */
  const unlockThen = (error: Parameters<typeof tokenProblem.take>[0], goOn: () => void) => {
    if (!tokenProblem.take(error)) return false;
    // A function is kept as state through the updater form.
    setStoppedByLock(() => goOn);
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
      setCopied(done.length === 1 ? t('confirm_copiedOne') : t('confirm_copiedMany', done.length));
    } catch {
      setCopied(t('confirm_copyRefused'));
    }
  };

  if (tokenProblem.prompt) {
    return (
      <main>
        <h1>{t('confirm_heading')}</h1>
        {stoppedByLock && <p class="warning">{t('confirm_unlockGoesOn')}</p>}
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
      <h1>{t('confirm_heading')}</h1>
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
                  {count === 1 ? (
                    <Rich
                      id="confirm_thisMember"
                      values={[<strong>{view.org}</strong>, DEVICE_SCOPE_EFFECT[scope]]}
                    />
                  ) : (
                    <Rich
                      id="confirm_theseMembers"
                      values={[count, <strong>{view.org}</strong>, DEVICE_SCOPE_EFFECT[scope]]}
                    />
                  )}
                </p>
              ) : (
                <p class="warning">
                  <Rich id="confirm_nothingLeft" values={[<strong>{view.org}</strong>]} />
                </p>
              )}
              {count > 0 && (
                <ul class="targets">
                  {sendable.map((t) => (
                    <li key={t.label}>{t.label}</li>
                  ))}
                  {self && includeSelf && (
                    <li key={self.label}>{t('confirm_youSuffix', self.label)}</li>
                  )}
                </ul>
              )}
              {refused.length > 0 && (
                <>
                  <p id="refused-heading" class="warning">
                    {refused.length === 1
                      ? t('confirm_refusedOne')
                      : t('confirm_refusedMany', refused.length)}
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
                  {t('confirm_alsoSelf', self.label, self.refusal?.reason ?? '')}
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
              {t('confirm_reset')}
            </button>
            <button
              type="button"
              ref={cancelButton}
              onClick={() => answer(false)}
              disabled={working}
            >
              {t('common_cancel')}
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
        {working && !needsOrg && (wait ? t('common_waiting', wait) : t('common_resetting'))}
        {done && <OutcomeList outcomes={done.filter((o) => o.ok)} />}
        {view?.cancelled && t('common_cancelled')}
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
              {t('confirm_copyResults')}
            </button>
          )}
          {retryable && (
            <button type="button" disabled={working} onClick={() => void retry()}>
              {t('confirm_retryFailed')}
            </button>
          )}
          <button type="button" onClick={() => window.close()}>
            {t('confirm_close')}
          </button>
        </div>
      )}
    </main>
  );
}

/** Which page or surface asked, as the browser reported it. */
function AskedBy({ asker }: { asker: Asker }) {
  // Opaque origins (file:, data:, sandboxed frames) read "null": no host to name.
  const where = parseUrl(asker.origin)?.host || t('confirm_aPage');
  return (
    <p class="asker">
      <Rich
        id={asker.surface === 'page' ? 'confirm_askedByButton' : 'confirm_askedByMenu'}
        values={[<strong>{where}</strong>, asker.title ? t('confirm_pageTitle', asker.title) : '']}
      />
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
    return <p class="warning">{t('confirm_unknownOrgNone', host)}</p>;
  }
  return (
    <fieldset>
      <legend>{t('confirm_orgLegend')}</legend>
      <p class="hint">{t('confirm_unknownOrgChoose', host)}</p>
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
          {t('confirm_rememberOrg', host)}
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
