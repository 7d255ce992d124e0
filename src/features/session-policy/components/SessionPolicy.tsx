/**
 * A member's own session policy: read from Slack when shown, changed only after a question
 * in place that names the member and the change.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyError } from '../../../core/messaging/reply';
import { ask } from '../../../protocol/pages';
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
      <legend>Session policy</legend>
      <p class="hint">
        {readError
          ? `Could not read the current policy: ${readError}`
          : !current
            ? 'Reading the current policy…'
            : current.reported
              ? `Now: ${policyWords(current)}.`
              : 'Now: not known. Slack leaves members with no active sessions out of its answer; a policy applied here still holds when they sign in again.'}
      </p>
      <label for="policy-duration">Session duration</label>
      <select
        id="policy-duration"
        value={duration}
        disabled={working}
        onChange={(e) => {
          setDuration(e.currentTarget.value);
          setAsking(undefined);
        }}
      >
        <option value={DEFAULT}>Organization default</option>
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
        Sign out when the app or browser closes
      </label>
      {asking ? (
        <div class="policy-confirm">
          <p>
            {asking === 'apply'
              ? `For ${who}: ${policyWords(wanted)}. Existing sessions follow the new policy.`
              : `Clear the session policy of ${who}? The organization’s defaults apply again.`}
          </p>
          <button type="button" class="danger" disabled={working} onClick={() => send(asking)}>
            {asking === 'apply' ? 'Confirm apply' : 'Confirm clear'}
          </button>{' '}
          <button
            type="button"
            ref={cancel}
            disabled={working}
            onClick={() => setAsking(undefined)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div class="actions">
          <button type="button" disabled={working || !current} onClick={() => setAsking('apply')}>
            Apply policy
          </button>{' '}
          <button type="button" disabled={working || !current} onClick={() => setAsking('clear')}>
            Clear policy
          </button>
        </div>
      )}
    </fieldset>
  );
}
