/** The bulk reset's question: how many members, which org, what happens; Cancel has the focus. */
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { ConfirmForm } from '../../../ui/ConfirmForm';
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
  const reason = props.reason.trim();

  return (
    <ConfirmForm
      questionId="bulk-question"
      confirmLabel={'Confirm reset'}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
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
    </ConfirmForm>
  );
}
