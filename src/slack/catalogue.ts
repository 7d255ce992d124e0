/**
 * Slack error code -> one plain sentence saying what happened and what to do. Covers every
 * code in the reference (common errors, each session method, users.lookupByEmail, users.info,
 * auth.test, admin.users.list). Unknown codes still show the code, never just "error".
 */

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

type Describe = string | ((context: ErrorContext) => string);

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

const SAVE_NEW_TOKEN = "Save a new token in the extension's settings.";
const UPDATE_EXTENSION = 'Update the extension; if this keeps happening, report it.';

/** "a", "a and b", "a, b and c" */
function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

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
  const what =
    scopes.length === 0
      ? 'a permission (scope) this action needs'
      : `the ${listWords(scopes)} ${scopes.length === 1 ? 'scope' : 'scopes'}`;
  return `This token is missing ${what}. Add it to the app's user token scopes, reinstall the app on the whole organization, and save the new token.`;
}

function userNotFound({ method }: ErrorContext): string {
  switch (method) {
    case RESET:
      return 'Slack could not find that member, so no sessions were reset. Check the user ID and that the member belongs to this organization.';
    case RESET_BULK:
      return 'Slack could not find at least one of the members in the list, so the reset was not started. Check the user IDs and try again.';
    case INVALIDATE:
      return 'Slack could not find the member that session belongs to, so it was not ended. Refresh the list of sessions and try again.';
    case LIST:
      return "Slack could not find that member in that workspace, so their sessions can't be listed. Check the user ID and the workspace ID.";
    case USERS_INFO:
      return 'Slack could not find a member with that user ID. Check the ID and that the member belongs to this organization.';
    case GET_SETTINGS:
      return "Slack could not find that member, so their session settings can't be shown. Check the user ID and that the member belongs to this organization.";
    case SET_SETTINGS:
      return 'Slack could not find that member, so their session settings were not changed. Check the user ID and that the member belongs to this organization.';
    case CLEAR_SETTINGS:
      return 'Slack could not find that member, so their session settings were not cleared. Check the user ID and that the member belongs to this organization.';
    default:
      return 'Slack could not find that member. Check the user ID and that the member belongs to this organization.';
  }
}

function adminUnauthorized({ method }: ErrorContext): string {
  let action = 'do this';
  if (method === INVALIDATE) action = 'end sessions';
  else if (method === LIST) action = 'list sessions';
  else if (method === GET_SETTINGS) action = 'view session settings';
  else if (method === SET_SETTINGS || method === CLEAR_SETTINGS) action = 'change session settings';
  return `The owner of this token is not allowed to ${action}. Save a token from an org owner or org admin of the Enterprise organization.`;
}

function botsNotAllowed({ method }: ErrorContext): string {
  if (method === LIST) return 'Slack does not list the sessions of bot users. Pick a human member.';
  if (method && SETTINGS_METHODS.has(method)) {
    return 'Bot users have no session policy, so there is nothing to view or change. Pick a human member.';
  }
  return 'This is not available for bot users. Pick a human member.';
}

function internalError({ method }: ErrorContext): string {
  if (method === RESET || method === RESET_BULK)
    return 'Slack had a temporary problem and may not have started the reset. Wait a moment and try again.';
  if (method === GET_SETTINGS)
    return 'Slack had a temporary problem and could not read the session settings. Wait a moment and try again.';
  if (method === SET_SETTINGS || method === CLEAR_SETTINGS)
    return 'Slack had a temporary problem, so the session settings may or may not have changed. Wait a moment, check them, and try again.';
  return 'Slack had a temporary problem, and part of the request may already have been done. Wait a moment and try again.';
}

function invalidArguments({ method }: ErrorContext): string {
  switch (method) {
    case SET_SETTINGS:
      return 'Slack rejected some of the values sent: the session duration must be between 8 hours and 10 years. Check the settings and the user IDs and try again.';
    case GET_SETTINGS:
      return 'Slack rejected the user ID sent, so the session settings could not be read. Check the user ID and try again.';
    case CLEAR_SETTINGS:
      return 'Slack rejected the user ID sent, so the session settings were not cleared. Check the user ID and try again.';
    default:
      return 'Slack rejected some of the values sent. Check the user IDs and the other details and try again.';
  }
}

function ratelimited({ retryAfterSeconds }: ErrorContext): string {
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
    const wait = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
    return `Slack asked to wait ${wait} before more requests are sent. Try again after that.`;
  }
  return 'Slack asked to wait before more requests are sent. Wait a minute and try again.';
}

const CATALOGUE: Record<string, Describe> = {
  // Common errors: any method can answer with these.
  access_denied:
    'Slack denied access to something this request needs. Check that the token belongs to an org admin and that the app is installed on the whole organization.',
  accesslimited:
    "Slack does not allow this from your current network. Try again from a network your organization allows, or ask your Slack owner about the organization's IP restrictions.",
  account_inactive: `The token belongs to a deactivated account or a deleted workspace. ${SAVE_NEW_TOKEN}`,
  deprecated_endpoint:
    'Slack has retired this part of its API. Update the extension to a newer version.',
  ekm_access_denied:
    "Your organization's Enterprise Key Management settings blocked this. Ask your Slack owner to review the EKM settings.",
  enterprise_is_restricted: ({ method }) =>
    method === LOOKUP_BY_EMAIL
      ? 'Slack will not look up e-mail addresses with this organization-level token. Enter the member’s user ID instead.'
      : 'Slack does not allow this with an organization-level token. Ask your Slack owner which token to use for it.',
  fatal_error:
    'Slack failed while handling the request, and part of it may already have been done. Check the result before trying again.',
  internal_error: internalError,
  invalid_arg_name: `Slack did not accept the name of one of the request's arguments. ${UPDATE_EXTENSION}`,
  invalid_arguments: invalidArguments,
  invalid_array_arg: `Slack received a list where it expected a single value. ${UPDATE_EXTENSION}`,
  invalid_auth: `Slack did not accept this token for this: it may be wrong or lack admin access, it may belong to the other Slack (a GovSlack token sent to slack.com, or the reverse: check the Slack environment chosen for it), or your network address may not be allowed. ${SAVE_NEW_TOKEN}`,
  invalid_charset: `Slack could not read the request's character encoding. ${UPDATE_EXTENSION}`,
  invalid_form_data: `Slack could not read the request's form data. ${UPDATE_EXTENSION}`,
  invalid_post_type: `Slack did not accept how the request was encoded. ${UPDATE_EXTENSION}`,
  is_bot:
    'Slack does not allow legacy bot tokens to do this. Save a user token (it starts with xoxp-) from an app installed on the whole organization.',
  method_deprecated: 'Slack has retired this API method. Update the extension to a newer version.',
  missing_post_type: `The request reached Slack without a content type. ${UPDATE_EXTENSION}`,
  missing_scope: missingScope,
  no_permission:
    'The token does not have the permissions this needs. Save a token from an org owner or admin whose app has the admin.users scopes.',
  not_allowed_token_type:
    "This needs a user token (it starts with xoxp-) from an app installed on the whole Enterprise organization; bot, app-level and browser tokens don't work. Save a user token in the extension's settings.",
  not_authed: "No token was sent to Slack. Save a token in the extension's settings.",
  org_login_required:
    'This workspace is being moved into an Enterprise organization. Wait until the move is finished, then try again.',
  ratelimited,
  request_timeout:
    'The request reached Slack incomplete or too slowly. Check your connection and try again.',
  service_unavailable: 'Slack is temporarily unavailable. Wait a few minutes and try again.',
  team_access_not_granted:
    'The token has not been granted access to that workspace. Install the app on the whole organization (or add the workspace to it) and save the new token.',
  team_added_to_org:
    'This workspace is being moved into an Enterprise organization. Wait until the move is finished, then try again.',
  token_expired: `The saved token has expired. ${SAVE_NEW_TOKEN}`,
  token_revoked: `The saved token has been revoked, or the app was removed. ${SAVE_NEW_TOKEN}`,
  two_factor_setup_required:
    'Slack requires two-factor authentication for the admin account. Turn it on, then try again.',

  // admin.users.session.* methods.
  admin_unauthorized: adminUnauthorized,
  at_least_one_session_setting_required:
    'Choose a session duration or the sign-out-on-close setting: Slack needs at least one setting to change.',
  bots_not_allowed: botsNotAllowed,
  cannot_invalidate_primary_owner:
    "The primary owner's sessions can only be ended by the primary owner.",
  cannot_reset_bot: ({ method }) =>
    method === RESET_BULK
      ? 'The list includes a bot user, whose sessions cannot be reset. Remove bots from the list and try again.'
      : 'Bot users have no sessions to reset. Pick a human member.',
  cannot_reset_primary_owner:
    "The primary owner's sessions can only be reset by the primary owner.",
  failed_for_some_users:
    'Slack could not reset the sessions of some members in the list. Check the list and try those members again.',
  feature_not_enabled:
    'This is only available on Slack Enterprise organizations (Enterprise Grid). Use a token from an app installed on an Enterprise organization.',
  invalid_cursor:
    'The marker for the next page of results has expired or is wrong. Start the list again from the beginning.',
  missing_team:
    "Slack needs the member's workspace ID together with the user ID to list their sessions. Add the workspace ID and try again.",
  missing_user:
    'Slack needs the user ID together with the workspace ID to list sessions. Add the user ID and try again.',
  no_active_sessions: 'Slack found no active sessions for this member, so there is nothing to end.',
  not_an_admin:
    'The owner of this token is not an org owner or org admin. Save a token from an org owner or admin of the Enterprise organization.',
  restricted_action:
    "Your organization's settings do not allow this. Ask your Slack owner to check the admin permissions for session management.",
  session_invalidation_failed: 'Slack could not end that session. Wait a moment and try again.',
  session_not_found:
    'That session no longer exists: the member may have signed out or it was already ended. Refresh the list of sessions.',
  session_reset_not_allowed:
    'The list includes the primary owner, whose sessions can only be reset by the primary owner. Remove them from the list and try again.',
  team_not_found: 'Slack could not find that workspace. Check the workspace ID and try again.',
  unable_to_update_existing_sessions:
    "Slack could not apply the new settings to the members' current sessions. Wait a moment and try again.",
  unknown_method:
    'Slack does not offer this API method to this organization. Check that it is an Enterprise organization and that the right Slack address (commercial or GovSlack) is selected.',
  user_not_found: userNotFound,
  user_session_reset_failed:
    'Slack could not start the session reset. Wait a moment and try again.',

  // users.* and auth.test (plus the extra codes the OpenAPI spec lists for them).
  users_not_found:
    'No Slack member has that e-mail address. Check the spelling, or enter the member’s user ID instead.',
  user_not_visible:
    'This token cannot see that member. Save a token from an org admin who can see every member.',
  too_many_users: 'Too many members were asked for at once. Ask for fewer and try again.',
  invalid_json: `Slack could not read the JSON sent with the request. ${UPDATE_EXTENSION}`,
  json_not_object: `Slack expected a JSON object in the request and got something else. ${UPDATE_EXTENSION}`,
  upgrade_required: 'Slack requires a newer client for this. Update the extension, then try again.',

  // admin.users.list.
  include_deactivated_user_workspaces_invalid:
    "Slack lists deactivated members' workspaces only for the whole organization with an org-level token. Remove the workspace filter and try again.",

  // Slack said ok:false without naming a code.
  unknown_error: 'Slack refused the request without saying why. Wait a moment and try again.',
};

/** Every Slack error code the catalogue describes in its own words. */
export const KNOWN_ERROR_CODES: readonly string[] = Object.freeze(Object.keys(CATALOGUE));

export function isKnownErrorCode(code: string): boolean {
  return Object.hasOwn(CATALOGUE, code);
}

/** A plain sentence for a Slack error code; `context` lets a method specialise it. */
export function describeSlackError(code: string, context: ErrorContext = {}): string {
  const entry = isKnownErrorCode(code) ? CATALOGUE[code] : undefined;
  if (entry !== undefined) return typeof entry === 'string' ? entry : entry(context);
  // The code comes from the network: show it, but only as a short, printable word.
  const shown = code.replace(/[^A-Za-z0-9_.:-]/g, '').slice(0, 64);
  if (!shown) return 'Slack refused the request without saying why. Wait a moment and try again.';
  return `Slack answered with the error “${shown}”. Try again; if it keeps happening, check the token in the extension's settings.`;
}
