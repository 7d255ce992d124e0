/** The bulk reset's question: how many members, which org, what happens; Cancel has the focus. */
import { t } from '../../../shared/i18n';
import { DEVICE_SCOPE_EFFECT, type DeviceScope } from '../../../shared/scope';
import { ConfirmForm } from '../../../ui/ConfirmForm';
import { Rich } from '../../../ui/rich';
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
      confirmLabel={t('confirm_reset')}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p id="bulk-question">
        <Rich
          id={preview.members === 1 ? 'bulk_question_one' : 'bulk_question_many'}
          values={[
            <strong>{members(preview.members)}</strong>,
            props.org,
            DEVICE_SCOPE_EFFECT[props.scope],
          ]}
        />
      </p>
      {preview.emails > 0 && (
        <p>
          {t(
            preview.emails === 1 ? 'bulk_confirmEmails_one' : 'bulk_confirmEmails_many',
            amount(preview.emails),
          )}
        </p>
      )}
      {preview.refusedCount > 0 && (
        <p class="warning">
          {t(
            preview.refusedCount === 1 ? 'bulk_confirmRefused_one' : 'bulk_confirmRefused_many',
            amount(preview.refusedCount),
          )}
        </p>
      )}
      <p class="hint">{props.oneByOne ? t('bulk_sentOneByOne') : BULK_ENGINE_NOTE}</p>
      {reason && <p class="hint">{t('bulk_reason', reason)}</p>}
    </ConfirmForm>
  );
}
