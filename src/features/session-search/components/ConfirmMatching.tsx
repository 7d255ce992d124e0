/** The question before ending the matching sessions or signing their members out. */

import { ConfirmForm } from '../../../ui/ConfirmForm';
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
      confirmLabel={invalidate ? 'Confirm invalidate' : 'Confirm reset'}
      onConfirm={props.onConfirm}
      onCancel={props.onCancel}
    >
      <p id="match-question">
        {invalidate ? (
          <>
            End <strong>{sessions(props.sessions)}</strong> of {members(props.members)} in{' '}
            {props.org}: each of those devices is signed out, their other sessions stay.
          </>
        ) : (
          <>
            Sign <strong>{members(props.members)}</strong> of {props.org} out of Slack on all
            devices: every session they have ends, not only the {sessions(props.sessions)} that
            match.
          </>
        )}
      </p>
      {props.partial && (
        <p class="warning">
          The list was not loaded to its end: sessions that were not loaded are not included.
        </p>
      )}
      <p class="hint">
        {invalidate
          ? 'One request per session, paced to Slack’s rate limit (about 20 a minute); it goes on if this page is closed.'
          : 'Sent with Slack’s bulk method; it goes on if this page is closed.'}
      </p>
      {reason && <p class="hint">Reason: {reason}</p>}
    </ConfirmForm>
  );
}
