/** The question before ending the matching sessions or signing their members out. */

import { t } from '../../../shared/i18n';
import { ConfirmForm } from '../../../ui/ConfirmForm';
import { Rich } from '../../../ui/rich';
import { members, sessions } from '../../bulk/components/words';

export type MatchAction = 'invalidate' | 'reset';

export function ConfirmMatching(props: {
  action: MatchAction;
  sessions: number;
  members: number;
  org: string;
  /** The list was not loaded to its end: sessions not loaded are not in it. */
  partial: boolean;
  reason: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const reason = props.reason.trim();
  const invalidate = props.action === 'invalidate';
  return (
    <ConfirmForm
      questionId="match-question"
      confirmLabel={invalidate ? t('session_confirmInvalidate') : t('confirm_reset')}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p id="match-question">
        {invalidate ? (
          <Rich
            id="search_questionInvalidate"
            values={[
              <strong>{sessions(props.sessions)}</strong>,
              members(props.members),
              props.org,
            ]}
          />
        ) : (
          <Rich
            id="search_questionReset"
            values={[
              <strong>{members(props.members)}</strong>,
              props.org,
              sessions(props.sessions),
            ]}
          />
        )}
      </p>
      {props.partial && <p class="warning">{t('search_partial')}</p>}
      <p class="hint">{invalidate ? t('search_hintInvalidate') : t('search_hintReset')}</p>
      {reason && <p class="hint">{t('bulk_reason', reason)}</p>}
    </ConfirmForm>
  );
}
