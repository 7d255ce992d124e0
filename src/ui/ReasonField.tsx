/** The optional reason (a ticket, an incident) that Activity keeps beside an action. */

import { t } from '../shared/i18n';
import { REASON_MAX_LENGTH } from '../shared/reason';

export function ReasonField(props: { value: string; onInput: (value: string) => void }) {
  return (
    <>
      <label for="reason">
        {t('reason_label')} <span class="hint">{t('reason_hint')}</span>
      </label>
      <input
        id="reason"
        type="text"
        maxLength={REASON_MAX_LENGTH}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </>
  );
}
