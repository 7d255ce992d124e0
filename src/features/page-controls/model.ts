/**
 * Why a control's reset did not happen, in one of a few kinds its short word can say. Told by
 * the background (from Slack's error code or a known refusal) or by the control itself, never
 * guessed from a sentence, which may be in any language.
 */
export type FailureKind = 'not-pressed' | 'not-allowed' | 'not-found' | 'token' | 'wait' | 'other';

/** Accounts Slack will not sign out, as a row of the page marks them. */
export type UnavailableKind = 'bot' | 'primary-owner' | 'deactivated';

const KIND_OF_CODE: Record<string, FailureKind> = {
  cannot_reset_primary_owner: 'not-allowed',
  cannot_invalidate_primary_owner: 'not-allowed',
  cannot_reset_bot: 'not-allowed',
  bots_not_allowed: 'not-allowed',
  is_bot: 'not-allowed',
  session_reset_not_allowed: 'not-allowed',
  restricted_action: 'not-allowed',
  no_permission: 'not-allowed',
  not_an_admin: 'not-allowed',
  admin_unauthorized: 'not-allowed',
  access_denied: 'not-allowed',
  user_not_found: 'not-found',
  users_not_found: 'not-found',
  user_not_visible: 'not-found',
  locked: 'token',
  forgotten: 'token',
  no_token: 'token',
  invalid_auth: 'token',
  not_authed: 'token',
  token_revoked: 'token',
  token_expired: 'token',
  account_inactive: 'token',
  missing_scope: 'token',
  not_allowed_token_type: 'token',
  no_site_access: 'token',
  ratelimited: 'wait',
  already_asking: 'wait',
  asked_too_soon: 'wait',
  too_many_confirmations: 'wait',
};

export function failureKindOf(code: string | undefined): FailureKind {
  return (code && KIND_OF_CODE[code]) || 'other';
}
