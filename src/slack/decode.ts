/**
 * Slack's JSON (snake_case, loosely typed) -> the client's plain objects. Anything missing that
 * the extension relies on makes the answer "malformed" rather than a half-filled object.
 */

import { t } from '../shared/i18n';
import { parseSessionId, type SessionId, type UserId } from '../shared/ids';
import { SlackTransportError } from './errors';
import type {
  ActiveSession,
  AuthTestResult,
  DeviceInfo,
  SessionSettings,
  SessionsPage,
  SlackUser,
} from './types';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Adds `key` only when `value` is present, so objects carry no `undefined` properties. */
function put<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

export function malformed(method: string): SlackTransportError {
  return new SlackTransportError({
    kind: 'malformed',
    method,
    attempts: 1,
    sentence: t('err_missingDetails'),
  });
}

export function decodeAuthTest(method: string, body: Json, scopes: string[]): AuthTestResult {
  const userId = str(body.user_id);
  if (!userId) throw malformed(method);
  const result: AuthTestResult = {
    url: str(body.url) ?? '',
    team: str(body.team) ?? '',
    user: str(body.user) ?? '',
    teamId: str(body.team_id) ?? '',
    userId,
    isEnterpriseInstall: body.is_enterprise_install === true,
    scopes,
  };
  put(result, 'enterpriseId', str(body.enterprise_id));
  put(result, 'botId', str(body.bot_id));
  put(result, 'appId', str(body.app_id));
  return result;
}

function decodeDevice(value: unknown): DeviceInfo | undefined {
  if (!isRecord(value)) return undefined;
  const device: DeviceInfo = {};
  put(device, 'deviceHardware', str(value.device_hardware));
  put(device, 'os', str(value.os));
  put(device, 'osVersion', str(value.os_version));
  put(device, 'slackClientVersion', str(value.slack_client_version));
  put(device, 'ip', str(value.ip));
  return device;
}

/** The transport quotes bare session IDs, so a string is normal; a number means it slipped by. */
function decodeSessionId(value: unknown): SessionId | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const parsed = parseSessionId(value);
  return parsed.ok ? parsed.value : undefined;
}

/** A session nothing can be done with (no session or member ID) is left out and counted. */
function decodeSession(value: unknown): ActiveSession | undefined {
  if (!isRecord(value)) return undefined;
  const sessionId = decodeSessionId(value.session_id);
  const userId = str(value.user_id);
  if (!sessionId || !userId) return undefined;
  const session: ActiveSession = {
    userId: userId as UserId,
    teamId: str(value.team_id) ?? '',
    sessionId,
  };
  put(session, 'created', decodeDevice(value.created));
  put(session, 'recent', decodeDevice(value.recent));
  return session;
}

export function decodeSessionsPage(method: string, body: Json): SessionsPage {
  const list = body.active_sessions ?? [];
  if (!Array.isArray(list)) throw malformed(method);
  const sessions: ActiveSession[] = [];
  for (const item of list) {
    const session = decodeSession(item);
    if (session) sessions.push(session);
  }
  const page: SessionsPage = { sessions };
  // One odd item must not cost the admin the other 999 of an org-wide page.
  if (sessions.length < list.length) page.skipped = list.length - sessions.length;
  const metadata = isRecord(body.response_metadata) ? body.response_metadata : {};
  put(page, 'nextCursor', str(metadata.next_cursor));
  return page;
}

export function decodeUser(method: string, body: Json): SlackUser {
  const raw = body.user;
  if (!isRecord(raw)) throw malformed(method);
  const id = str(raw.id);
  if (!id) throw malformed(method);
  const profile = isRecord(raw.profile) ? raw.profile : {};
  const enterprise = isRecord(raw.enterprise_user) ? raw.enterprise_user : {};
  const user: SlackUser = {
    id: id as UserId,
    isAdmin: raw.is_admin === true,
    isOwner: raw.is_owner === true,
    isPrimaryOwner: raw.is_primary_owner === true,
    isBot: raw.is_bot === true,
    deleted: raw.deleted === true,
    enterpriseTeams: Array.isArray(enterprise.teams)
      ? enterprise.teams.filter((t): t is string => typeof t === 'string')
      : [],
  };
  put(user, 'teamId', str(raw.team_id));
  put(user, 'name', str(raw.name));
  put(user, 'realName', str(raw.real_name) ?? str(profile.real_name));
  put(user, 'displayName', str(profile.display_name));
  put(user, 'email', str(profile.email));
  put(user, 'enterpriseId', str(enterprise.enterprise_id));
  return user;
}

/**
 * One member's entry of `session_settings`. No entry for them means no settings of their own;
 * `reported` says whether Slack named them at all (it may leave out members with no active
 * sessions, whose settings are then not known). A value of the wrong type counts as not set.
 */
export function decodeSessionSettings(method: string, body: Json, userId: UserId): SessionSettings {
  const list = body.session_settings ?? [];
  if (!Array.isArray(list)) throw malformed(method);
  const entry = list.find((item): item is Json => isRecord(item) && item.user_id === userId);
  const none = body.no_settings_applied;
  // Named among those without settings, or listed: Slack said. Neither: it left them out.
  const reported = Boolean(entry) || (Array.isArray(none) && none.includes(userId));
  const settings: SessionSettings = { userId, reported };
  if (!entry) return settings;
  const { duration, desktop_app_browser_quit: quit } = entry;
  if (typeof duration === 'number' && Number.isSafeInteger(duration) && duration > 0)
    settings.duration = duration;
  if (typeof quit === 'boolean') settings.desktopAppBrowserQuit = quit;
  return settings;
}
