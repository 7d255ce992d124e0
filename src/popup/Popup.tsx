import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../core/browser';
import type { ReplyError } from '../core/messaging/reply';
import { RecentActions } from '../features/activity/components/RecentActions';
import type { ActivityEntry } from '../features/activity/model';
import { type MemberSessions, MemberView } from '../features/members/components/MemberView';
import type { ShownMember } from '../features/members/model';
import { memberLabel } from '../features/members/model';
import { ConfirmReset } from '../features/sessions/components/ConfirmReset';
import { ScopeChoice } from '../features/sessions/components/ScopeChoice';
import { DEFAULT_PREFERENCES, type Preferences } from '../features/settings/model';
import { OrgPicker } from '../features/tokens/components/OrgPicker';
import { TokenNeeded } from '../features/tokens/components/TokenNeeded';
import { useTokenProblem } from '../features/tokens/components/TokenProblem';
import type { TokenList } from '../features/tokens/messages';
import { ask } from '../protocol';
import { RESENT_NOTE } from '../shared/format';
import { parseUserRef } from '../shared/ids';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../shared/scope';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { useRegions } from '../ui/regions';

type Step = 'idle' | 'looking-up' | 'confirm' | 'working';

export function Popup({
  initialUser,
  initialView,
}: {
  initialUser: string;
  initialView?: 'sessions';
}) {
  const [tokens, setTokens] = useState<TokenList | undefined>();
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [input, setInput] = useState(initialUser);
  const [touched, setTouched] = useState(false);
  const [scope, setScope] = useState<DeviceScope>('all');
  const [step, setStep] = useState<Step>('idle');
  const [member, setMember] = useState<ShownMember | undefined>();
  const { status, alert, regions } = useRegions();
  const [sessions, setSessions] = useState<MemberSessions | undefined>();
  const [recent, setRecent] = useState<ActivityEntry[]>([]);
  const userField = useRef<HTMLInputElement>(null);
  // The saved default applies only until the admin picks a scope themselves.
  const scopeChosen = useRef(false);

  const loadTokens = async () => {
    const reply = await ask('ui/tokens/list', {});
    if (reply.ok) setTokens(reply.value);
  };
  const loadRecent = async () => {
    const reply = await ask('ui/activity/list', { limit: 5 });
    if (reply.ok) setRecent(reply.value);
  };
  const tokenProblem = useTokenProblem({
    onUnlocked: () => {
      regions.status('Unlocked. Try again.');
      void loadTokens();
    },
    onNoToken: () => void loadTokens(),
  });

  useEffect(() => {
    void loadTokens();
    void loadRecent();
    void ask('ui/settings/get', {}).then((reply) => {
      if (!reply.ok) return;
      setPrefs(reply.value);
      if (!scopeChosen.current) setScope(reply.value.defaultScope);
    });
    if (initialUser && initialView === 'sessions') void showSessions();
  }, []);

  const parsed = parseUserRef(input);
  const showProblem = touched && input.trim() !== '' && !parsed.ok;

  const fail = (error: ReplyError) => {
    setStep('idle');
    if (!tokenProblem.take(error)) regions.alert(error.message);
  };

  /** Validates the field and asks Slack who it is; undefined when that failed (already shown). */
  const lookUp = async (): Promise<ShownMember | undefined> => {
    regions.clear();
    setTouched(true);
    if (!parsed.ok) {
      regions.alert(parsed.message);
      userField.current?.focus();
      return undefined;
    }
    setStep('looking-up');
    const reply = await ask('ui/member/resolve', { input });
    if (!reply.ok) {
      fail(reply.error);
      return undefined;
    }
    setMember(reply.value);
    return reply.value;
  };

  const startReset = async (event: Event) => {
    event.preventDefault();
    const found = await lookUp();
    if (!found) return;
    if (prefs.confirmBeforeReset) setStep('confirm');
    else await reset(found, undefined);
  };

  const reset = async (target: ShownMember, reason: string | undefined) => {
    setStep('working');
    regions.clear();
    const reply = await ask('ui/sessions/reset', {
      userId: target.userId,
      tokenId: target.tokenId,
      scope,
      reason,
      source: 'popup',
    });
    void loadRecent();
    if (!reply.ok) return fail(reply.error);
    setStep('idle');
    const { member, scope: done, resent } = reply.value;
    const said = `${memberLabel(member)} was ${DEVICE_SCOPE_EFFECT[done]}.`;
    regions.status(resent ? `${said} ${RESENT_NOTE}` : said);
    // Their session list, if shown, is out of date now.
    if (sessions?.member.userId === target.userId) setSessions(undefined);
  };

  const cancelReset = () => {
    setStep('idle');
    regions.status('Cancelled. Nothing was sent to Slack.');
    userField.current?.focus();
  };

  const showSessions = async () => {
    setSessions(undefined);
    const found = await lookUp();
    if (!found) return;
    const reply = await ask('ui/sessions/list', {
      userId: found.userId,
      tokenId: found.tokenId,
    });
    if (!reply.ok) return fail(reply.error);
    setStep('idle');
    setSessions({ member: found, list: reply.value });
  };

  const openSettings = () => void browser.runtime.openOptionsPage();

  if (tokens && tokens.tokens.length === 0) return <TokenNeeded onOpenSettings={openSettings} />;

  const active = tokens?.tokens.find((t) => t.active);
  const busy = step === 'looking-up' || step === 'working';

  return (
    <main>
      <header>
        <h1>Session Admin for Slack</h1>
        {tokens && (
          <OrgPicker
            tokens={tokens}
            onSwitched={(switched) => {
              if (switched) setTokens(switched);
              setSessions(undefined);
              setStep('idle');
            }}
          />
        )}
      </header>
      <div class="org-line">{active ? `Acting as ${active.user} in ${active.team}` : ''}</div>

      {tokenProblem.prompt ?? (
        <form onSubmit={startReset} aria-busy={busy}>
          <label for="user">User</label>
          <input
            id="user"
            ref={userField}
            type="text"
            autocomplete="off"
            spellcheck={false}
            placeholder="U0123ABCD, name@company.com or a profile link"
            value={input}
            onInput={(e) => {
              setInput(e.currentTarget.value);
              if (step === 'confirm') setStep('idle');
            }}
            onBlur={() => setTouched(true)}
            aria-invalid={showProblem}
            aria-describedby="user-hint"
            // biome-ignore lint/a11y/noAutofocus: the popup exists to take this input
            autoFocus
          />
          <div id="user-hint" class={`field-hint${showProblem ? ' invalid' : ''}`}>
            {showProblem && !parsed.ok
              ? parsed.message
              : 'A user ID, an e-mail address or a Slack profile link.'}
          </div>
          <ScopeChoice
            value={scope}
            hideLegend
            onChange={(chosen) => {
              scopeChosen.current = true;
              setScope(chosen);
            }}
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy || step === 'confirm'}>
              Reset sessions
            </button>
            <button type="button" onClick={showSessions} disabled={busy}>
              Show sessions
            </button>
          </div>
        </form>
      )}

      {step === 'confirm' && member && (
        <ConfirmReset
          member={member}
          org={active?.team ?? ''}
          scope={scope}
          onConfirm={(reason) => reset(member, reason)}
          onCancel={cancelReset}
        />
      )}

      <StatusMessage>
        {step === 'looking-up'
          ? 'Looking up the member…'
          : step === 'working'
            ? 'Resetting…'
            : status}
      </StatusMessage>
      <AlertMessage>{alert}</AlertMessage>

      <MemberView
        shown={sessions}
        onChange={setSessions}
        regions={regions}
        onAnswered={() => void loadRecent()}
        onError={fail}
      />

      <RecentActions entries={recent} />
      <nav class="links" aria-label="More">
        <button type="button" onClick={openSettings}>
          Activity and settings
        </button>
      </nav>
    </main>
  );
}
