import { useEffect, useRef, useState } from 'preact/hooks';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { ReasonField } from '../../../ui/ReasonField';
import type { MemberView } from '../../members/model';

/** The second step of a reset: names who, where and what, and waits for an explicit answer. */
export function ConfirmReset(props: {
  member: MemberView;
  org: string;
  scope: DeviceScope;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
}) {
  const { member } = props;
  const [reason, setReason] = useState('');
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);

  return (
    <form
      class="confirm-box"
      aria-labelledby="confirm-question"
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm(reason.trim() || undefined);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id="confirm-question">
        <strong>{member.name ?? member.userId}</strong>
        {member.name ? ` (${[member.email, member.userId].filter(Boolean).join(', ')})` : ''} will
        be {DEVICE_SCOPE_EFFECT[props.scope]}
        {props.org ? ` in ${props.org}` : ''}.
      </p>
      {member.isPrimaryOwner && (
        <p class="warning">
          This is the primary owner: Slack lets only the primary owner reset their sessions.
        </p>
      )}
      {member.isBot && <p class="warning">This is a bot: Slack does not reset bot sessions.</p>}
      {member.deleted && (
        <p class="warning">This account is deactivated and should have no sessions.</p>
      )}
      <ReasonField value={reason} onInput={setReason} />
      <div class="actions">
        <button type="submit" class="danger" ref={confirmButton}>
          Confirm reset
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
