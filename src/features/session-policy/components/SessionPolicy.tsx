/**
 * A member's own session policy: read from Slack when shown, changed only after a question
 * in place that names the member and the change.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
import { t } from '../../../shared/i18n';
import type { Regions } from '../../../ui/regions';
import { memberLabel, type ShownMember } from '../../members/model';
import {
  DURATION_CHOICES,
  durationWords,
  type SessionPolicy as Policy,
  type PolicyReading,
  policyWords,
} from '../model';

type Asking = 'apply' | 'clear' | undefined;

const DEFAULT = '';

export function SessionPolicy(props: {
  member: ShownMember;
  regions: Regions;
  onAnswered: () => void;
  onError: (error: ReplyError) => void;
}) {
  const { member, regions } = props;
  const [current, setCurrent] = useState<PolicyReading | undefined>();
  const [readError, setReadError] = useState<string | undefined>();
  const [duration, setDuration] = useState(DEFAULT);
  const [signOutOnClose, setSignOutOnClose] = useState(false);
  // Untouched and not the member's own, the close choice stays the organization's.
  const [closeChosen, setCloseChosen] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const [working, setWorking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);

  const show = (policy: PolicyReading) => {
    setCurrent(policy);
    setDuration(policy.duration === undefined ? DEFAULT : String(policy.duration));
    setSignOutOnClose(policy.signOutOnClose === true);
    setCloseChosen(false);
  };

  const load = async () => {
    setReadError(undefined);
    const reply = await ask('ui/session-policy/get', {
      userId: member.userId,
      tokenId: member.tokenId,
    });
    if (reply.ok) show(reply.value);
    else setReadError(reply.error.message);
  };

  useEffect(() => {
    setCurrent(undefined);
    setAsking(undefined);
    void load();
  }, [member.userId, member.tokenId]);

  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  const wanted: Policy = {
    duration: duration === DEFAULT ? undefined : Number(duration),
    signOutOnClose:
      closeChosen || current?.signOutOnClose !== undefined ? signOutOnClose : undefined,
  };
  // A duration set outside the popup's choices still shows as what it is.
  const choices =
    current?.duration !== undefined && !DURATION_CHOICES.some((c) => c.seconds === current.duration)
      ? [...DURATION_CHOICES, { seconds: current.duration, label: durationWords(current.duration) }]
      : DURATION_CHOICES;

  const send = async (what: 'apply' | 'clear') => {
    setWorking(true);
    regions.clear();
    const ids = { userId: member.userId, tokenId: member.tokenId };
    const reply =
      what === 'apply'
        ? await ask('ui/session-policy/apply', { ...ids, ...wanted })
        : await ask('ui/session-policy/clear', ids);
    setWorking(false);
    setAsking(undefined);
    props.onAnswered();
    if (!reply.ok) {
      props.onError(reply.error);
      // Part of a change may have been made: show what Slack holds now.
      return void load();
    }
    show({ ...reply.value.policy, reported: true });
    regions.status(reply.value.message);
  };

  const who = memberLabel(member);
  return (
    <fieldset class="policy">
      <legend>{t('policy_legend')}</legend>
      <p class="hint">
        {readError
          ? t('policy_readFailed', readError)
          : !current
            ? t('policy_reading')
            : current.reported
              ? t('policy_now', policyWords(current))
              : t('policy_notKnown')}
      </p>
      <label for="policy-duration">{t('policy_duration')}</label>
      <select
        id="policy-duration"
        value={duration}
        disabled={working}
        onChange={(e) => {
          setDuration(e.currentTarget.value);
          setAsking(undefined);
        }}
      >
        <option value={DEFAULT}>{t('policy_orgDefault')}</option>
        {choices.map((c) => (
          <option key={c.seconds} value={String(c.seconds)}>
            {c.label}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          checked={signOutOnClose}
          disabled={working}
          onChange={(e) => {
            setSignOutOnClose(e.currentTarget.checked);
            setCloseChosen(true);
            setAsking(undefined);
          }}
        />
        {t('policy_signOutOnClose')}
      </label>
      {asking ? (
        <div class="policy-confirm">
          <p>
            {asking === 'apply'
              ? t('policy_applyQuestion', who, policyWords(wanted))
              : t('policy_clearQuestion', who)}
          </p>
          <button type="button" class="danger" disabled={working} onClick={() => send(asking)}>
            {asking === 'apply' ? t('policy_confirmApply') : t('policy_confirmClear')}
          </button>{' '}
          <button
            type="button"
            ref={cancel}
            disabled={working}
            onClick={() => setAsking(undefined)}
          >
            {t('common_cancel')}
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" disabled={working || !current} onClick={() => setAsking('apply')}>
            {t('policy_apply')}
          </button>{' '}
          <button type="button" disabled={working || !current} onClick={() => setAsking('clear')}>
            {t('policy_clear')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
