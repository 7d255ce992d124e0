/**
 * Slack error code -> one plain sentence saying what happened and what to do. Covers every
 * code in the reference (common errors, each session method, users.lookupByEmail, users.info,
 * auth.test, admin.users.list). Unknown codes still show the code, never just "error".
 */

import { type MessageKey, t } from '../shared/i18n';

export interface ErrorContext {
  /** The Web API method that answered, to say what did not happen. */
  method?: string | undefined;
  /** `missing_scope`: the scope(s) Slack says are needed. */
  needed?: string | undefined;
  /** `missing_scope`: the scopes the token has. */
  provided?: string | undefined;
  /** `ratelimited`: how long Slack asked to wait. */
  retryAfterSeconds?: number | undefined;
}

type Describe = (context: ErrorContext) => string;

const RESET = 'admin.users.session.reset';
const RESET_BULK = 'admin.users.session.resetBulk';
const INVALIDATE = 'admin.users.session.invalidate';
const LIST = 'admin.users.session.list';
const GET_SETTINGS = 'admin.users.session.getSettings';
const SET_SETTINGS = 'admin.users.session.setSettings';
const CLEAR_SETTINGS = 'admin.users.session.clearSettings';
const LOOKUP_BY_EMAIL = 'users.lookupByEmail';
const USERS_INFO = 'users.info';

const SETTINGS_METHODS = new Set([GET_SETTINGS, SET_SETTINGS, CLEAR_SETTINGS]);

/** Which scope each method needs, for a `missing_scope` answer that does not say. */
export const SCOPE_OF_METHOD: Readonly<Record<string, string>> = {
  [RESET]: 'admin.users:write',
  [RESET_BULK]: 'admin.users:write',
  [INVALIDATE]: 'admin.users:write',
  [SET_SETTINGS]: 'admin.users:write',
  [CLEAR_SETTINGS]: 'admin.users:write',
  [LIST]: 'admin.users:read',
  [GET_SETTINGS]: 'admin.users:read',
  'admin.users.list': 'admin.users:read',
  [LOOKUP_BY_EMAIL]: 'users:read.email',
  [USERS_INFO]: 'users:read',
};

function scopeNames(raw: string | undefined): string[] {
  if (!raw) return [];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z0-9_.:-]{1,80}$/.test(s));
  return [...new Set(names)];
}

function missingScope({ needed, method }: ErrorContext): string {
  const scopes = scopeNames(needed);
  if (scopes.length === 0 && method && SCOPE_OF_METHOD[method])
    scopes.push(SCOPE_OF_METHOD[method]);
  if (scopes.length === 0) return t('err_missingScopeUnknown');
  if (scopes.length === 1) return t('err_missingScopeOne', scopes[0]!);
  return t('err_missingScopeMany', scopes.slice(0, -1).join(', '), scopes[scopes.length - 1]!);
}

const USER_NOT_FOUND: Record<string, MessageKey> = {
  [RESET]: 'err_userNotFoundReset',
  [RESET_BULK]: 'err_userNotFoundResetBulk',
  [INVALIDATE]: 'err_userNotFoundInvalidate',
  [LIST]: 'err_userNotFoundList',
  [USERS_INFO]: 'err_userNotFoundInfo',
  [GET_SETTINGS]: 'err_userNotFoundGetSettings',
  [SET_SETTINGS]: 'err_userNotFoundSetSettings',
  [CLEAR_SETTINGS]: 'err_userNotFoundClearSettings',
};

const ADMIN_UNAUTHORIZED: Record<string, MessageKey> = {
  [INVALIDATE]: 'err_adminUnauthorizedInvalidate',
  [LIST]: 'err_adminUnauthorizedList',
  [GET_SETTINGS]: 'err_adminUnauthorizedGetSettings',
  [SET_SETTINGS]: 'err_adminUnauthorizedChangeSettings',
  [CLEAR_SETTINGS]: 'err_adminUnauthorizedChangeSettings',
};

const INTERNAL_ERROR: Record<string, MessageKey> = {
  [RESET]: 'err_internalReset',
  [RESET_BULK]: 'err_internalReset',
  [GET_SETTINGS]: 'err_internalGetSettings',
  [SET_SETTINGS]: 'err_internalChangeSettings',
  [CLEAR_SETTINGS]: 'err_internalChangeSettings',
};

const INVALID_ARGUMENTS: Record<string, MessageKey> = {
  [SET_SETTINGS]: 'err_invalidArgumentsSetSettings',
  [GET_SETTINGS]: 'err_invalidArgumentsGetSettings',
  [CLEAR_SETTINGS]: 'err_invalidArgumentsClearSettings',
};

/** The sentence a method has for a code, else the code's general one. */
function byMethod(table: Record<string, MessageKey>, fallback: MessageKey): Describe {
  return ({ method }) => t((method && Object.hasOwn(table, method) && table[method]) || fallback);
}

function botsNotAllowed({ method }: ErrorContext): string {
  if (method === LIST) return t('err_botsNotListed');
  if (method && SETTINGS_METHODS.has(method)) return t('err_botsNoPolicy');
  return t('err_botsNotAllowed');
}

function ratelimited({ retryAfterSeconds }: ErrorContext): string {
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
    return retryAfterSeconds === 1
      ? t('err_ratelimitedOne')
      : t('err_ratelimitedMany', retryAfterSeconds);
  }
  return t('err_ratelimited');
}

// Keys, not sentences: each is looked up when shown, in the language of that moment.
const CATALOGUE: Record<string, MessageKey | Describe> = {
  // Common errors: any method can answer with these.
  access_denied: 'err_accessDenied',
  accesslimited: 'err_accessLimited',
  account_inactive: 'err_accountInactive',
  deprecated_endpoint: 'err_deprecatedEndpoint',
  ekm_access_denied: 'err_ekmAccessDenied',
  enterprise_is_restricted: ({ method }) =>
    method === LOOKUP_BY_EMAIL ? t('err_enterpriseRestrictedEmail') : t('err_enterpriseRestricted'),
  fatal_error: 'err_fatal',
  internal_error: byMethod(INTERNAL_ERROR, 'err_internal'),
  invalid_arg_name: 'err_invalidArgName',
  invalid_arguments: byMethod(INVALID_ARGUMENTS, 'err_invalidArguments'),
  invalid_array_arg: 'err_invalidArrayArg',
  invalid_auth: 'err_invalidAuth',
  invalid_charset: 'err_invalidCharset',
  invalid_form_data: 'err_invalidFormData',
  invalid_post_type: 'err_invalidPostType',
  is_bot: 'err_isBot',
  method_deprecated: 'err_methodDeprecated',
  missing_post_type: 'err_missingPostType',
  missing_scope: missingScope,
  no_permission: 'err_noPermission',
  not_allowed_token_type: 'err_notAllowedTokenType',
  not_authed: 'err_notAuthed',
  org_login_required: 'err_orgMigration',
  ratelimited,
  request_timeout: 'err_requestTimeout',
  service_unavailable: 'err_serviceUnavailable',
  team_access_not_granted: 'err_teamAccessNotGranted',
  team_added_to_org: 'err_orgMigration',
  token_expired: 'err_tokenExpired',
  token_revoked: 'err_tokenRevoked',
  two_factor_setup_required: 'err_twoFactorRequired',

  // admin.users.session.* methods.
  admin_unauthorized: byMethod(ADMIN_UNAUTHORIZED, 'err_adminUnauthorized'),
  at_least_one_session_setting_required: 'err_settingRequired',
  bots_not_allowed: botsNotAllowed,
  cannot_invalidate_primary_owner: 'err_cannotInvalidatePrimaryOwner',
  cannot_reset_bot: ({ method }) =>
    method === RESET_BULK ? t('err_cannotResetBotInList') : t('err_cannotResetBot'),
  cannot_reset_primary_owner: 'err_cannotResetPrimaryOwner',
  failed_for_some_users: 'err_failedForSomeUsers',
  feature_not_enabled: 'err_featureNotEnabled',
  invalid_cursor: 'err_invalidCursor',
  missing_team: 'err_missingTeam',
  missing_user: 'err_missingUser',
  no_active_sessions: 'err_noActiveSessions',
  not_an_admin: 'err_notAnAdmin',
  restricted_action: 'err_restrictedAction',
  session_invalidation_failed: 'err_sessionInvalidationFailed',
  session_not_found: 'err_sessionNotFound',
  session_reset_not_allowed: 'err_sessionResetNotAllowed',
  team_not_found: 'err_teamNotFound',
  unable_to_update_existing_sessions: 'err_unableToUpdateSessions',
  unknown_method: 'err_unknownMethod',
  user_not_found: byMethod(USER_NOT_FOUND, 'err_userNotFound'),
  user_session_reset_failed: 'err_userSessionResetFailed',

  // users.* and auth.test (plus the extra codes the OpenAPI spec lists for them).
  users_not_found: 'err_usersNotFound',
  user_not_visible: 'err_userNotVisible',
  too_many_users: 'err_tooManyUsers',
  invalid_json: 'err_invalidJson',
  json_not_object: 'err_jsonNotObject',
  upgrade_required: 'err_upgradeRequired',

  // admin.users.list.
  include_deactivated_user_workspaces_invalid: 'err_deactivatedWorkspacesInvalid',

  // Slack said ok:false without naming a code.
  unknown_error: 'err_unknownError',
};

/**
 * Not Slack's answer but the browser's: the admin switched off the extension's access to the
 * API host (Firefox's add-on permissions, Chrome's site access), so no request left the browser.
 */
export function describeNoSiteAccess(host: string): string {
  return t('err_noSiteAccess', host);
}

/** Every Slack error code the catalogue describes in its own words. */
export const KNOWN_ERROR_CODES: readonly string[] = Object.freeze(Object.keys(CATALOGUE));

export function isKnownErrorCode(code: string): boolean {
  return Object.hasOwn(CATALOGUE, code);
}

/** A plain sentence for a Slack error code; `context` lets a method specialise it. */
export function describeSlackError(code: string, context: ErrorContext = {}): string {
  const entry = isKnownErrorCode(code) ? CATALOGUE[code] : undefined;
  if (entry !== undefined) return typeof entry === 'string' ? t(entry) : entry(context);
  // The code comes from the network: show it, but only as a short, printable word.
  const shown = code.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 64);
  return shown ? t('err_unknownCode', shown) : t('err_unknownError');
}
