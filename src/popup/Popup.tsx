/** The toolbar popup: the reset form, the looked-up member's sessions and recent actions. */
import { useEffect, useState } from 'preact/hooks';
import browser from '../core/browser';
import { RecentActions } from '../features/activity/components/RecentActions';
import type { ActivityEntry } from '../features/activity/model';
import { type MemberSessions, MemberView } from '../features/members/components/MemberView';
import { ConfirmReset } from '../features/sessions/components/ConfirmReset';
import { ResetForm } from '../features/sessions/components/ResetForm';
import { useResetFlow } from '../features/sessions/components/reset-flow';
import { SupportContact } from '../features/settings/components/SupportContact';
import { useOrgPolicy } from '../features/settings/components/use-org-policy';
import { DEFAULT_PREFERENCES, type Preferences } from '../features/settings/model';
import { GrantAccess } from '../features/site-access/components/GrantAccess';
import { useSiteAccess } from '../features/site-access/components/use-site-access';
import { API_ORIGINS, noApiAccessSentence } from '../features/site-access/model';
import { OrgPicker } from '../features/tokens/components/OrgPicker';
import { TokenNeeded } from '../features/tokens/components/TokenNeeded';
import { useTokenProblem } from '../features/tokens/components/TokenProblem';
import type { TokenList } from '../features/tokens/messages';
import { ask } from '../protocol/pages';
import { t } from '../shared/i18n';
import { AlertMessage, StatusMessage } from '../ui/Message';
import { PageLink } from '../ui/PageLink';
import { useRegions } from '../ui/regions';

export function Popup({
  initialUser,
  initialView,
}: {
  initialUser: string;
  initialView?: 'sessions';
}) {
  const [tokens, setTokens] = useState<TokenList | undefined>();
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [recent, setRecent] = useState<ActivityEntry[]>([]);
  const [sessions, setSessions] = useState<MemberSessions | undefined>();
  const { status, alert, regions } = useRegions();
  const support = useOrgPolicy().supportContact;

  const loadTokens = async () => {
    const reply = await ask('ui/tokens/list', {});
    if (reply.ok) setTokens(reply.value);
  };
  const loadRecent = async () => {
    const reply = await ask('ui/activity/list', { limit: 5 });
    if (reply.ok) setRecent(reply.value);
  };
  const tokenProblem = useTokenProblem({
    // What the locked token interrupted goes on; focus goes with it, never to <body>.
    onUnlocked: () => {
      void loadTokens();
      void flow.again().then((ran) => {
        if (ran) return;
        regions.status(t('popup_unlocked'));
        flow.field.ref.current?.focus();
      });
    },
    onNoToken: () => void loadTokens(),
  });
  const active = tokens?.tokens.find((t) => t.active);
  // The active org's Slack API host; what it stopped goes on once access is granted.
  const apiAccess = useSiteAccess(active ? [API_ORIGINS[active.environment]] : [], {
    onGranted: () => void flow.again(),
  });
  const flow = useResetFlow(initialUser, {
    confirmFirst: prefs.confirmBeforeReset,
    regions,
    checkAccess: apiAccess.ensure,
    onError: (error) => {
      if (!tokenProblem.take(error) && !apiAccess.take(error)) regions.alert(error.message);
    },
    onAnswered: () => void loadRecent(),
    // What remains is shown; a list that could not be refreshed is out of date.
    onReset: (target, remaining) => {
      if (remaining) setSessions({ member: target, list: remaining });
      else if (sessions?.member.userId === target.userId) setSessions(undefined);
    },
    onSessions: setSessions,
  });

  useEffect(() => {
    void loadTokens();
    void loadRecent();
    void ask('ui/settings/get', {}).then((reply) => {
      if (!reply.ok) return;
      setPrefs(reply.value);
      flow.offerScope(reply.value.defaultScope);
    });
    if (initialUser && initialView === 'sessions') void flow.showSessions();
  }, []);

  const openSettings = () => void browser.runtime.openOptionsPage();

  if (tokens && tokens.tokens.length === 0)
    return (
      <TokenNeeded onOpenSettings={openSettings}>
        <SupportContact contact={support} />
      </TokenNeeded>
    );

  const confirming = flow.confirming;

  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        {tokens && (
          <OrgPicker
            tokens={tokens}
            onSwitched={(switched) => {
              if (switched) setTokens(switched);
              setSessions(undefined);
              flow.idle();
            }}
          />
        )}
      </header>
      <div class="org-line">
        {active
          ? t(
              active.environment === 'gov' ? 'popup_actingAsGov' : 'common_actingAs',
              active.user,
              active.team,
            )
          : ''}
      </div>

      {tokenProblem.prompt ?? <ResetForm flow={flow} />}
      <GrantAccess access={apiAccess} id="api-access-sentence" sentence={noApiAccessSentence} />

      {confirming && (
        <ConfirmReset
          member={confirming}
          org={active?.team ?? ''}
          scope={flow.scope}
          onConfirm={(reason) => flow.reset(confirming, reason)}
          onCancel={flow.cancel}
        />
      )}

      <StatusMessage>{flow.progress ?? status}</StatusMessage>
      <AlertMessage>{alert}</AlertMessage>

      <MemberView
        shown={sessions}
        onChange={setSessions}
        regions={regions}
        onAnswered={() => void loadRecent()}
        onError={flow.fail}
      />

      <RecentActions entries={recent} />
      <nav class="links" aria-label={t('popup_more')}>
        <button type="button" onClick={openSettings}>
          {t('popup_activityAndSettings')}
        </button>
        <PageLink page="bulk">{t('popup_bulkReset')}</PageLink>
        <PageLink page="sessions">{t('popup_searchSessions')}</PageLink>
      </nav>
      <SupportContact contact={support} />
    </main>
  );
}
