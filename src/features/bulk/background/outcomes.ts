/** What each kind of answer from Slack means for a bulk job and its members. */
import { toReplyError } from '../../../core/background/errors';
import { RESENT_NOTE } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { isSlackApiError, isSlackTransportError } from '../../../slack';

/** The token no longer works: the job stops, keeps its state, and resumes with a new token. */
const STOPPING = new Set([
  'invalid_auth',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'not_authed',
  'not_an_admin',
  'no_token',
  'locked',
  'forgotten',
  'org_login_required',
  'ekm_access_denied',
  // The browser withholds the API host: the job goes on once access is granted again.
  'no_site_access',
]);

/** resetBulk is not open to this token: the rest of the job goes one member at a time. */
const BULK_UNAVAILABLE = new Set([
  'unknown_method',
  'feature_not_enabled',
  'not_allowed_token_type',
  'missing_scope',
]);

/** A resetBulk call refused because of some of its members (Slack does not say which). */
const REFUSED_FOR_MEMBERS = new Set([
  'cannot_reset_bot',
  'cannot_reset_primary_owner',
  'user_not_found',
  'failed_for_some_users',
  'session_reset_not_allowed',
  'user_session_reset_failed',
  'restricted_action',
]);

export type Answer =
  | { kind: 'stop'; code: string; message: string }
  | { kind: 'bulk-unavailable'; code: string; message: string }
  | { kind: 'refused-for-members'; code: string; message: string }
  | { kind: 'unknown'; code: string; message: string }
  | { kind: 'failed'; code: string; message: string };

export function classify(error: unknown, method: 'reset' | 'resetBulk' | 'invalidate'): Answer {
  const { code, message } = toReplyError(error);
  if (STOPPING.has(code) || (method !== 'resetBulk' && BULK_UNAVAILABLE.has(code)))
    return { kind: 'stop', code, message };
  if (method === 'resetBulk' && BULK_UNAVAILABLE.has(code))
    return { kind: 'bulk-unavailable', code, message };
  if (method === 'resetBulk' && REFUSED_FOR_MEMBERS.has(code))
    return { kind: 'refused-for-members', code, message };
  // No answer even to the second try, or refused only on it: the first may have done it.
  const uncertain =
    (isSlackTransportError(error) && error.uncertain) || (isSlackApiError(error) && error.resent);
  return { kind: uncertain ? 'unknown' : 'failed', code, message };
}

export const QUEUED_NOTE = t('bulk_queuedNote');

export const RESENT_AFTER_STOP = t('bulk_resentAfterStop');

export function withResentNote(message: string | undefined, resent: boolean | undefined): string {
  return [message, resent ? RESENT_NOTE : undefined].filter(Boolean).join(' ');
}

export const CANCELLED_NOTE = t('bulk_cancelledNote');
