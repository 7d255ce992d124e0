import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfirmationView } from '../shared/messages';
import { ask } from '../shared/messaging';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../shared/scope';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { ReasonField } from '../ui/ReasonField';
import { ScopeChoice } from '../ui/ScopeChoice';
import { UnlockPrompt } from '../ui/UnlockPrompt';

/**
 * The extension-owned confirmation for resets started on a web page or from the context
 * menu. A web page cannot script this window; only a click here starts a reset.
 */
const ARM_DELAY_MS = 600;

export function ConfirmPage({ id }: { id: string }) {
  const [view, setView] = useState<ConfirmationView | undefined>();
  const [scope, setScope] = useState<DeviceScope>('all');
  const [reason, setReason] = useState('');
  const [working, setWorking] = useState(false);
  const [alert, setAlert] = useState<string | undefined>();
  const [locked, setLocked] = useState<{ tokenId: string; message: string } | undefined>();
  const confirmButton = useRef<HTMLButtonElement>(null);

  const load = async () => {
    const reply = await ask('ui/confirmation/get', { id });
    if (!reply.ok) {
      if (reply.error.code === 'locked' && reply.error.tokenId) {
        setLocked({ tokenId: reply.error.tokenId, message: reply.error.message });
      } else setAlert(reply.error.message);
      return;
    }
    setView(reply.value);
    setScope(reply.value.scope);
  };
  useEffect(() => {
    void load();
  }, []);
  // A window that pops up under a keystroke meant for the page must not take it as an answer:
  // Confirm only becomes usable a moment after the question is on screen.
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!view || view.outcomes) return;
    const timer = setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => clearTimeout(timer);
  }, [view]);
  useEffect(() => {
    if (armed) confirmButton.current?.focus();
  }, [armed]);

  const answer = async (confirmed: boolean) => {
    setWorking(true);
    const reply = await ask('ui/confirmation/answer', {
      id,
      confirmed,
      scope,
      reason: reason.trim() || undefined,
    });
    setWorking(false);
    if (!reply.ok) return setAlert(reply.error.message);
    if (!confirmed) return window.close();
    setView(reply.value);
  };

  if (locked) {
    return (
      <main>
        <h1>Reset Slack sessions</h1>
        <UnlockPrompt
          tokenId={locked.tokenId}
          message={locked.message}
          onUnlocked={() => {
            setLocked(undefined);
            void load();
          }}
        />
      </main>
    );
  }

  const count = view?.targets.length ?? 0;
  const done = view?.outcomes;
  return (
    <main
      onKeyDown={(e) => {
        if (e.key === 'Escape' && view && !done && !working) void answer(false);
      }}
    >
      <h1>Reset Slack sessions</h1>
      {view && !done && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (armed) void answer(true);
          }}
        >
          <p>
            {count === 1 ? 'This member' : `These ${count} members`} of <strong>{view.org}</strong>{' '}
            will be {DEVICE_SCOPE_EFFECT[scope]}:
          </p>
          <ul class="targets">
            {view.targets.map((t) => (
              <li key={t.label}>{t.label}</li>
            ))}
          </ul>
          <ScopeChoice value={scope} onChange={setScope} />
          <ReasonField value={reason} onInput={setReason} />
          <div class="actions">
            <button type="submit" class="danger" ref={confirmButton} disabled={working || !armed}>
              Confirm reset
            </button>
            <button type="button" onClick={() => answer(false)} disabled={working}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <StatusMessage>
        {working && 'Resetting…'}
        {done && <OutcomeList outcomes={done.filter((o) => o.ok)} />}
        {view?.cancelled && 'Cancelled. Nothing was sent to Slack.'}
      </StatusMessage>
      <AlertMessage>
        {alert}
        {done && <OutcomeList outcomes={done.filter((o) => !o.ok)} />}
      </AlertMessage>
      {done && (
        <div class="actions">
          <button type="button" onClick={() => window.close()}>
            Close
          </button>
        </div>
      )}
    </main>
  );
}

function OutcomeList({ outcomes }: { outcomes: NonNullable<ConfirmationView['outcomes']> }) {
  if (outcomes.length === 0) return null;
  return (
    <ul class="outcomes">
      {outcomes.map((o) => (
        <li key={o.label}>{o.message}</li>
      ))}
    </ul>
  );
}
