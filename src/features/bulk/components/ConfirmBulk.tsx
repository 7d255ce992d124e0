/** The bulk reset's question: how many members, which org, what happens; Cancel has the focus. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import type { Preview } from './preview';
import { amount, BULK_ENGINE_NOTE, members } from './words';

export function ConfirmBulk(props: {
  preview: Preview;
  org: string;
  scope: DeviceScope;
  oneByOne: boolean;
  reason: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview } = props;
  const cancelButton = useRef<HTMLButtonElement>(null);
  // Before the first paint: a key pressed as the question appears lands on Cancel.
  useLayoutEffect(() => cancelButton.current?.focus(), []);
  const reason = props.reason.trim();

  return (
    <form
      class="confirm-box"
      aria-labelledby="bulk-question"
      onSubmit={(e) => {
        e.preventDefault();
        props.onConfirm();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id="bulk-question">
        <strong>{members(preview.members)}</strong> of {props.org} will be{' '}
        {DEVICE_SCOPE_EFFECT[props.scope]}.
      </p>
      {preview.emails > 0 && (
        <p>
          {amount(preview.emails)} of them {preview.emails === 1 ? 'is' : 'are'} named by e-mail
          address and looked up in Slack first.
        </p>
      )}
      {preview.refusedCount > 0 && (
        <p class="warning">
          {amount(preview.refusedCount)} {preview.refusedCount === 1 ? 'line' : 'lines'} not
          understood {preview.refusedCount === 1 ? 'is' : 'are'} left out.
        </p>
      )}
      <p class="hint">
        {props.oneByOne ? 'Sent one by one: one request per member.' : BULK_ENGINE_NOTE}
      </p>
      {reason && <p class="hint">Reason: {reason}</p>}
      <div class="actions">
        <button type="submit" class="danger">
          Confirm reset
        </button>
        <button type="button" ref={cancelButton} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
