/** What the popup's reset form does: look the member up, then reset them or list their sessions. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask, onNoticeToPages } from '../../../protocol/pages';
import { RESENT_NOTE } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { waitSentence } from '../../../shared/time';
import type { Regions } from '../../../ui/regions';
import type { MemberSessions } from '../../members/components/MemberView';
import { useUserField } from '../../members/components/UserField';
import { memberLabel, type ShownMember } from '../../members/model';
import { type SessionView, SIGN_BACK_IN_NOTE } from '../model';

type Step = 'idle' | 'looking-up' | 'confirm' | 'working' | 'checking';

/** Refusals that stop an action before anything is sent, so it may go on once they are gone. */
const STOPPED_BY = new Set(['locked', 'no_site_access']);

export function useResetFlow(
  initialUser: string,
  on: {
    /** Ask the reset question first (the admin's preference). */
    confirmFirst: boolean;
    regions: Regions;
    /** A failed reply, the form being idle again: the page shows it or acts on it. */
    onError: (error: ReplyError) => void;
    /** The background answered a reset, either way: Activity has a new entry. */
    onAnswered: () => void;
    /** `target` was reset; `remaining` is what a fresh listing found, when it could. */
    onReset: (target: ShownMember, remaining: SessionView[] | undefined) => void;
    /** Undefined as a new list is asked for. */
    onSessions: (shown: MemberSessions | undefined) => void;
    /**
     * Before anything goes to Slack: false when the browser withholds Slack's API host. The
     * page then offers Grant access, and `again` goes on once it is granted.
     */
    checkAccess?: () => Promise<boolean>;
  },
) {
  const field = useUserField(initialUser);
  const [scope, setScope] = useState<DeviceScope>('all');
  // The saved default applies only until the admin picks a scope themselves.
  const scopeChosen = useRef(false);
  const [step, setStep] = useState<Step>('idle');
  const [member, setMember] = useState<ShownMember | undefined>();
  // Slack's 429 on the reset in flight: "Slack asked to wait 20 s — retrying at 14:02:10".
  const [wait, setWait] = useState<string | undefined>();
  const resetting = useRef<ShownMember | undefined>();
  // What a locked token or withheld access stopped: it goes on by itself once they are gone.
  const stopped = useRef<(() => Promise<void>) | undefined>();
  // Counts requests and withdrawals: a refusal arriving after the field or the org changed,
  // or after a newer request began, leaves nothing to go on with.
  const asked = useRef(0);
  /** Starts a request (or withdraws the last): its number, which a late answer must match. */
  const begin = () => {
    stopped.current = undefined;
    return ++asked.current;
  };
  const { regions } = on;

  useEffect(
    () =>
      onNoticeToPages('bg-to-pages/reset/waiting', (notice) => {
        const target = resetting.current;
        if (target && notice.userId === target.userId && notice.tokenId === target.tokenId)
          setWait(waitSentence(notice.seconds, notice.retryAt));
      }),
    [],
  );

  /**
   * `goOn` is what the failed request was, to run again should the refusal pass, and `mine`
   * its number; any other failure (the member view's, say) leaves nothing to go on with.
   */
  const fail = (error: ReplyError, goOn?: () => Promise<void>, mine?: number) => {
    stopped.current =
      STOPPED_BY.has(error.code) && goOn && mine === asked.current ? goOn : undefined;
    setStep('idle');
    on.onError(error);
  };

  /**
   * Checks the field and asks Slack who it is; undefined when that failed (already said).
   * `goOn` is the action asking (request number `mine`), which a lock or withheld access may stop.
   */
  const lookUp = async (
    goOn: () => Promise<void>,
    mine: number,
  ): Promise<ShownMember | undefined> => {
    regions.clear();
    field.setTouched(true);
    if (!field.parsed.ok) {
      regions.alert(field.parsed.message);
      field.setReported(true);
      field.ref.current?.focus();
      return undefined;
    }
    if (on.checkAccess && !(await on.checkAccess())) {
      if (mine === asked.current) stopped.current = goOn;
      return undefined;
    }
    setStep('looking-up');
    const reply = await ask('ui/member/resolve', { input: field.input });
    if (!reply.ok) {
      fail(reply.error, goOn, mine);
      return undefined;
    }
    setMember(reply.value);
    return reply.value;
  };

  const reset = async (target: ShownMember, reason: string | undefined) => {
    const mine = begin();
    setStep('working');
    regions.clear();
    resetting.current = target;
    const reply = await ask('ui/sessions/reset', {
      userId: target.userId,
      tokenId: target.tokenId,
      scope,
      reason,
      source: 'popup',
    });
    resetting.current = undefined;
    setWait(undefined);
    on.onAnswered();
    if (!reply.ok) {
      fail(reply.error, () => reset(target, reason), mine);
      return regions.focusOutcome();
    }
    const { member, scope: done, resent, activityId } = reply.value;
    const said = `${t('reset_said', memberLabel(member), DEVICE_SCOPE_EFFECT[done])}${resent ? ` ${RESENT_NOTE}` : ''}`;
    regions.status(t('reset_checking', said));
    regions.focusOutcome();
    // Slack's "ok" says the request was taken; a fresh listing says whether it took.
    setStep('checking');
    const check = await ask('ui/sessions/check', {
      userId: target.userId,
      tokenId: target.tokenId,
      scope: done,
      activityId,
    });
    setStep('idle');
    if (!check.ok) {
      regions.status(t('reset_checkFailed', said, check.error.message));
      return on.onReset(target, undefined);
    }
    regions.status(`${said} ${check.value.sentence} ${SIGN_BACK_IN_NOTE}`);
    on.onReset(target, check.value.verified ? check.value.remaining : undefined);
  };

  return {
    field,
    scope,
    busy: step === 'looking-up' || step === 'working' || step === 'checking',
    /** The member the reset question is about, while it is asked. */
    confirming: step === 'confirm' ? member : undefined,
    /** What the status region says while a request is out. */
    progress:
      step === 'looking-up'
        ? t('reset_lookingUp')
        : step === 'working'
          ? wait
            ? t('common_waiting', wait)
            : t('common_resetting')
          : undefined,
    /** Back to idle, the error to the page: for any request of the popup that failed. */
    fail,
    reset,
    /** Withdraws the question and stops showing progress (another org was chosen). */
    idle: () => {
      begin();
      setStep('idle');
    },
    chooseScope: (chosen: DeviceScope) => {
      scopeChosen.current = true;
      setScope(chosen);
    },
    offerScope: (preferred: DeviceScope) => {
      if (!scopeChosen.current) setScope(preferred);
    },
    // Changing who is named withdraws a question about the one named before, and what was
    // shown of them: no member's sessions or outcome under another's name.
    edited: () => {
      begin();
      if (step === 'confirm') setStep('idle');
      if (step === 'working' || step === 'checking') return;
      on.onSessions(undefined);
      regions.clear();
    },
    /**
     * Runs again what a locked token or withheld access stopped, once: never a request that
     * was answered, nor one for a member named before the field changed.
     */
    again: async () => {
      const run = stopped.current;
      stopped.current = undefined;
      if (run) await run();
      return run !== undefined;
    },
    start: async (event: Event) => {
      event.preventDefault();
      await start();
    },
    cancel: () => {
      setStep('idle');
      regions.status(t('common_cancelled'));
      field.ref.current?.focus();
    },
    showSessions,
  };

  async function start(): Promise<void> {
    // A new request: whatever an earlier one left stopped is not to go on any more.
    const found = await lookUp(start, begin());
    if (!found) return;
    // A member Slack would refuse, or the admin themself, is always asked about first.
    if (on.confirmFirst || found.refusal) setStep('confirm');
    else await reset(found, undefined);
  }

  async function showSessions(): Promise<void> {
    on.onSessions(undefined);
    const mine = begin();
    const found = await lookUp(showSessions, mine);
    if (!found) return;
    const reply = await ask('ui/sessions/list', {
      userId: found.userId,
      tokenId: found.tokenId,
    });
    if (!reply.ok) return fail(reply.error, showSessions, mine);
    setStep('idle');
    on.onSessions({ member: found, list: reply.value });
  }
}

export type ResetFlow = ReturnType<typeof useResetFlow>;
