// The Web API methods, applied to the org state. Every answer here is HTTP 200; the server
// handles the transport-level outcomes (auth, 429, faults) before a method runs.

import { orgUrl, SANDBOX, toUserObject } from './org';
import type { ActiveSessionRecord, FakeConfig, Member, Org, TokenSpec } from './types';
import { invalidArguments } from './wire';

export type MethodResult = Record<string, unknown>;

export interface MethodContext {
  org: Org;
  token: TokenSpec;
  params: Record<string, string>;
  config: FakeConfig;
  /** Runs `job` later on a timer the server tracks (and clears on close/reset). */
  enqueue(job: () => void): void;
}

interface MethodSpec {
  /** The one scope the method needs; none for auth.test. */
  scope?: string;
  /** admin.* methods: user tokens of org admins/owners only. */
  admin: boolean;
  run(ctx: MethodContext): MethodResult;
}

type Scope = 'all' | 'web' | 'mobile';

const fail = (error: string, extra: Record<string, unknown> = {}): MethodResult => ({
  ok: false,
  error,
  ...extra,
});

/** Slack booleans arrive as 'true'/'1'/'false'/'0' in forms and as true/false in JSON. */
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return false;
  const v = value.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}

/** Reads web_only/mobile_only; a string means invalid_arguments with that message. */
function resetScope(params: Record<string, string>): Scope | string {
  const web = flag(params.web_only);
  const mobile = flag(params.mobile_only);
  if (web === undefined) return 'invalid value for web_only';
  if (mobile === undefined) return 'invalid value for mobile_only';
  if (web && mobile) return 'web_only and mobile_only cannot both be true';
  return web ? 'web' : mobile ? 'mobile' : 'all';
}

/** web_only = browser and desktop app sessions; mobile_only = the mobile apps. */
function inScope(session: ActiveSessionRecord, scope: Scope): boolean {
  if (scope === 'all') return true;
  return scope === 'mobile' ? session.kind === 'mobile' : session.kind !== 'mobile';
}

/** One pass for all members: a bulk job over a large org stays linear. */
function clearSessions(org: Org, userIds: ReadonlySet<string>, scope: Scope): void {
  org.sessions = org.sessions.filter((s) => !(userIds.has(s.user_id) && inScope(s, scope)));
}

/** Why this token may not reset this member, if it may not. */
function resetRefusal(target: Member | undefined, token: TokenSpec): string | undefined {
  if (!target) return 'user_not_found';
  if (target.isBot) return 'cannot_reset_bot';
  if (target.isPrimaryOwner && !token.isPrimaryOwner) return 'cannot_reset_primary_owner';
  return undefined;
}

function sessionReset({ org, token, params }: MethodContext): MethodResult {
  const userId = params.user_id;
  if (!userId) return invalidArguments('missing required field: user_id');
  const scope = resetScope(params);
  if (scope !== 'all' && scope !== 'web' && scope !== 'mobile') return invalidArguments(scope);
  const refusal = resetRefusal(org.members.get(userId), token);
  if (refusal) return fail(refusal);
  clearSessions(org, new Set([userId]), scope);
  return { ok: true };
}

export const RESET_BULK = 'admin.users.session.resetBulk';
/** Slack's documented limit: "the list of up to 1,000 user IDs". */
export const MAX_BULK_USER_IDS = 1000;

/**
 * user_ids as a JSON array string, a JSON body array (already stringified) or comma-separated,
 * as listed (repeats kept); undefined when it is none of these.
 */
export function listedUserIds(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let ids: unknown;
  if (raw.trim().startsWith('[')) {
    try {
      ids = JSON.parse(raw);
    } catch {
      return undefined;
    }
  } else ids = raw.split(',').map((s) => s.trim());
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id !== ''))
    return undefined;
  return ids as string[];
}

/**
 * The distinct members named, or invalid_arguments' message. The limit counts the list as sent;
 * no limit where Slack documents none.
 */
function parseUserIds(raw: string | undefined, max?: number): string[] | string {
  if (raw === undefined || raw.trim() === '') return 'missing required field: user_ids';
  const ids = listedUserIds(raw);
  if (!ids) return 'invalid value for user_ids';
  if (ids.length < 1) return 'must provide at least 1 item [json-pointer:/user_ids]';
  if (max !== undefined && ids.length > max)
    return `no more than ${max} items allowed [json-pointer:/user_ids]`;
  return [...new Set(ids)];
}

/**
 * Members who cannot be reset (a bot, the primary owner for other admins, an ID the org does
 * not know) are handled as `config.bulkSemantics` says; see BulkSemantics.
 */
function sessionResetBulk({ org, token, params, config, enqueue }: MethodContext): MethodResult {
  const ids = parseUserIds(params.user_ids, MAX_BULK_USER_IDS);
  if (typeof ids === 'string') return invalidArguments(ids);
  const scope = resetScope(params);
  if (scope !== 'all' && scope !== 'web' && scope !== 'mobile') return invalidArguments(scope);
  let firstRefusal: string | undefined;
  const targets: string[] = [];
  for (const id of ids) {
    const refusal = resetRefusal(org.members.get(id), token);
    if (refusal) firstRefusal ??= refusal;
    else targets.push(id);
  }
  if (firstRefusal && config.bulkSemantics === 'whole-call') return fail(firstRefusal);
  // Enqueued like Slack's job: ok only means accepted; sessions vanish when the job runs.
  if (targets.length > 0) {
    enqueue(() => clearSessions(org, new Set(targets), scope));
  }
  // Slack does not document which members failed, so the fake does not say either.
  return firstRefusal ? fail('failed_for_some_users') : { ok: true };
}

/** Slack's documented bounds for setSettings' `duration`: 8 hours to 10 years, in seconds. */
export const MIN_SESSION_DURATION = 28_800;
export const MAX_SESSION_DURATION = 315_569_520;

/** Why these members' session settings may not be read or changed, if they may not. */
function settingsRefusal(org: Org, ids: readonly string[]): string | undefined {
  for (const id of ids) {
    const member = org.members.get(id);
    if (!member) return 'user_not_found';
    if (member.isBot) return 'bots_not_allowed';
  }
  return undefined;
}

/** A boolean that may be left out: undefined when absent, null when unreadable. */
function optionalFlag(value: string | undefined): boolean | undefined | null {
  if (value === undefined || value === '') return undefined;
  return flag(value) ?? null;
}

function sessionGetSettings({ org, params }: MethodContext): MethodResult {
  const ids = parseUserIds(params.user_ids);
  if (typeof ids === 'string') return invalidArguments(ids);
  const refusal = settingsRefusal(org, ids);
  if (refusal) return fail(refusal);
  const applied = ids.filter((id) => org.sessionSettings.has(id));
  return {
    ok: true,
    session_settings: applied.map((id) => {
      const settings = org.sessionSettings.get(id)!;
      return {
        user_id: id,
        desktop_app_browser_quit: settings.desktopAppBrowserQuit ?? null,
        duration: settings.duration ?? null,
      };
    }),
    no_settings_applied: ids.filter((id) => !org.sessionSettings.has(id)),
  };
}

function sessionSetSettings({ org, params }: MethodContext): MethodResult {
  const ids = parseUserIds(params.user_ids, MAX_BULK_USER_IDS);
  if (typeof ids === 'string') return invalidArguments(ids);
  let duration: number | undefined;
  if (params.duration !== undefined && params.duration !== '') {
    duration = /^\d{1,12}$/.test(params.duration) ? Number(params.duration) : Number.NaN;
    if (!(duration >= MIN_SESSION_DURATION && duration <= MAX_SESSION_DURATION))
      return invalidArguments(
        `duration must be between ${MIN_SESSION_DURATION} and ${MAX_SESSION_DURATION} [json-pointer:/duration]`,
      );
  }
  const quit = optionalFlag(params.desktop_app_browser_quit);
  if (quit === null) return invalidArguments('invalid value for desktop_app_browser_quit');
  if (duration === undefined && quit === undefined)
    return fail('at_least_one_session_setting_required');
  const refusal = settingsRefusal(org, ids);
  if (refusal) return fail(refusal);
  // Only what was given changes: a setting left out keeps its value.
  for (const id of ids) {
    const next = { ...org.sessionSettings.get(id) };
    if (duration !== undefined) next.duration = duration;
    if (quit !== undefined) next.desktopAppBrowserQuit = quit;
    org.sessionSettings.set(id, next);
  }
  return { ok: true };
}

function sessionClearSettings({ org, params }: MethodContext): MethodResult {
  const ids = parseUserIds(params.user_ids);
  if (typeof ids === 'string') return invalidArguments(ids);
  const refusal = settingsRefusal(org, ids);
  if (refusal) return fail(refusal);
  for (const id of ids) org.sessionSettings.delete(id);
  return { ok: true };
}

function sessionInvalidate({ org, token, params }: MethodContext): MethodResult {
  const sessionId = params.session_id;
  if (!sessionId) return invalidArguments('missing required field: session_id');
  if (!/^\d{1,20}$/.test(sessionId)) return invalidArguments('invalid value for session_id');
  // Current docs want user_id; older SDKs send team_id instead. Either identifies the session.
  const { user_id: userId, team_id: teamId } = params;
  if (!userId && !teamId) return invalidArguments('either user_id or team_id is required');
  if (userId && !org.members.has(userId)) return fail('user_not_found');
  const session = org.sessions.find((s) => String(s.session_id) === sessionId);
  if (
    !session ||
    (userId && session.user_id !== userId) ||
    (teamId && teamId !== org.enterprise.id && session.team_id !== teamId)
  ) {
    return fail('session_not_found');
  }
  if (org.members.get(session.user_id)?.isPrimaryOwner && !token.isPrimaryOwner) {
    return fail('cannot_invalidate_primary_owner');
  }
  org.sessions = org.sessions.filter((s) => s !== session);
  return { ok: true };
}

// Cursors are opaque to clients; a base64 offset is enough and detectably malformed otherwise.
const encodeCursor = (offset: number): string =>
  Buffer.from(`sessions:${offset}`).toString('base64');
function decodeCursor(cursor: string): number | undefined {
  const match = /^sessions:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

const serialise = ({
  kind: _kind,
  ...rest
}: ActiveSessionRecord): Omit<ActiveSessionRecord, 'kind'> => rest;

function sessionList({ org, params, config }: MethodContext): MethodResult {
  const { user_id: userId, team_id: teamId, cursor } = params;
  if (userId && !teamId) return fail('missing_team');
  if (teamId && !userId) return fail('missing_user');
  let limit = 1000;
  if (params.limit !== undefined && params.limit !== '') {
    limit = Number(params.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      return invalidArguments('limit must be between 1 and 1000');
  }
  let offset = 0;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (decoded === undefined) return fail('invalid_cursor');
    offset = decoded;
  }
  let sessions = org.sessions;
  if (userId && teamId) {
    const isOrg = teamId === org.enterprise.id;
    if (!isOrg && !org.workspaces.some((w) => w.id === teamId)) return fail('team_not_found');
    const member = org.members.get(userId);
    if (!member) return fail('user_not_found');
    if (member.isBot) return fail('bots_not_allowed');
    // The org ID as team_id means "everywhere in the org".
    sessions = sessions.filter((s) => s.user_id === userId && (isOrg || s.team_id === teamId));
  }
  const size = Math.max(1, Math.min(limit, config.sessionPageSize));
  const page = sessions.slice(offset, offset + size);
  const next = offset + size < sessions.length ? encodeCursor(offset + size) : '';
  return {
    ok: true,
    active_sessions: page.map(serialise),
    response_metadata: { next_cursor: next },
  };
}

function lookupByEmail({ org, token, params }: MethodContext): MethodResult {
  const email = params.email?.trim().toLowerCase();
  if (!email) return invalidArguments('missing required field: email');
  const member = [...org.members.values()].find((m) => m.email.toLowerCase() === email);
  if (!member) return fail('users_not_found');
  return { ok: true, user: toUserObject(org, member, token.scopes.includes('users:read.email')) };
}

function usersInfo({ org, token, params }: MethodContext): MethodResult {
  const member = params.user ? org.members.get(params.user) : undefined;
  if (!member) return fail('user_not_found');
  // Like Slack, the profile carries the e-mail address only for tokens with users:read.email.
  return { ok: true, user: toUserObject(org, member, token.scopes.includes('users:read.email')) };
}

function authTest({ org, token }: MethodContext): MethodResult {
  const member = org.members.get(token.userId);
  const result: MethodResult = {
    ok: true,
    url: orgUrl(org, token.env),
    team: org.enterprise.name,
    user: member?.name ?? null,
    team_id: org.enterprise.id,
    user_id: token.userId,
    enterprise_id: org.enterprise.id,
    is_enterprise_install: true,
  };
  if (token.workspaceInstall) {
    // Installed on one workspace of the org: auth.test names that workspace.
    const [workspace] = org.workspaces;
    result.team = workspace?.name ?? org.enterprise.name;
    result.team_id = workspace?.id ?? org.enterprise.id;
    result.is_enterprise_install = false;
  }
  if (token.kind === 'bot') result.bot_id = token.botId ?? member?.botId ?? SANDBOX.botId;
  result.app_id = SANDBOX.appId;
  return result;
}

export const METHODS: Record<string, MethodSpec> = {
  'auth.test': { admin: false, run: authTest },
  'admin.users.session.reset': { scope: 'admin.users:write', admin: true, run: sessionReset },
  [RESET_BULK]: {
    scope: 'admin.users:write',
    admin: true,
    run: sessionResetBulk,
  },
  'admin.users.session.invalidate': {
    scope: 'admin.users:write',
    admin: true,
    run: sessionInvalidate,
  },
  'admin.users.session.list': { scope: 'admin.users:read', admin: true, run: sessionList },
  'admin.users.session.getSettings': {
    scope: 'admin.users:read',
    admin: true,
    run: sessionGetSettings,
  },
  'admin.users.session.setSettings': {
    scope: 'admin.users:write',
    admin: true,
    run: sessionSetSettings,
  },
  'admin.users.session.clearSettings': {
    scope: 'admin.users:write',
    admin: true,
    run: sessionClearSettings,
  },
  'users.lookupByEmail': { scope: 'users:read.email', admin: false, run: lookupByEmail },
  'users.info': { scope: 'users:read', admin: false, run: usersInfo },
};

/** The scopes a method accepts, for `x-accepted-oauth-scopes`; undefined for unknown methods. */
export function acceptedScopes(method: string): string[] | undefined {
  const spec = METHODS[method];
  if (!spec) return undefined;
  return spec.scope ? [spec.scope] : [];
}

/** Token type, scope and admin checks in Slack's order, then the method itself. */
export function callMethod(method: string, ctx: MethodContext): MethodResult {
  const spec = METHODS[method];
  if (!spec) return fail('unknown_method', { req_method: method });
  if (spec.admin && ctx.token.kind !== 'user') return fail('not_allowed_token_type');
  if (spec.scope && !ctx.token.scopes.includes(spec.scope)) {
    return fail('missing_scope', { needed: spec.scope, provided: ctx.token.scopes.join(',') });
  }
  if (spec.admin && ctx.token.workspaceInstall) return fail('not_allowed_token_type');
  if (spec.admin && !(ctx.token.isAdmin || ctx.token.isPrimaryOwner)) return fail('not_an_admin');
  return spec.run(ctx);
}
