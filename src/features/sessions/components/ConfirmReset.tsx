import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { ReasonField } from '../../../ui/ReasonField';
import { Rich } from '../../../ui/rich';
import type { ShownMember } from '../../members/model';

/** The second step of a reset: names who, where and what, and waits for an explicit answer. */
export function ConfirmReset(props: {
  member: ShownMember;
  org: string;
  scope: DeviceScope;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
}) {
  const { member } = props;
  const [reason, setReason] = useState('');
  const [selfTicked, setSelfTicked] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const { refusal } = member;
  // Slack would refuse it: nothing to confirm. Yourself: only with the tick below.
  const refused = refusal !== undefined && refusal.kind !== 'self';
  const allowed = !refused && (refusal?.kind !== 'self' || selfTicked);
  useEffect(() => (allowed ? confirmButton : cancelButton).current?.focus(), []);

  return (
    <form
      class="confirm-box"
      aria-labelledby="confirm-question"
      onSubmit={(e) => {
        e.preventDefault();
        if (allowed) props.onConfirm(reason.trim() || undefined);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id="confirm-question">
        <Rich
          id={props.org ? 'confirm_questionInOrg' : 'confirm_question'}
          values={[
            <>
              <strong>{member.name ?? member.userId}</strong>
              {member.name ? ` (${[member.email, member.userId].filter(Boolean).join(', ')})` : ''}
            </>,
            DEVICE_SCOPE_EFFECT[props.scope],
            props.org,
          ]}
        />
      </p>
      {refused && (
        <p class="warning" id="refusal">
          {t('confirm_nothingSent', refusal.reason)}
        </p>
      )}
      {refusal?.kind === 'self' && (
        <label class="checkbox-line warning">
          <input
            type="checkbox"
            checked={selfTicked}
            onChange={(e) => setSelfTicked(e.currentTarget.checked)}
          />{' '}
          {t('confirm_selfTick', refusal.reason)}
        </label>
      )}
      <ReasonField value={reason} onInput={setReason} />
      <div class="actions">
        <button
          type="submit"
          class="danger"
          ref={confirmButton}
          disabled={!allowed}
          aria-describedby={refused ? 'refusal' : undefined}
        >
          {t('confirm_reset')}
        </button>
        <button type="button" ref={cancelButton} onClick={props.onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
