/**
 * The typed Slack methods the extension uses. Each checks its arguments first, so Slack is
 * never sent something it would refuse, then makes one transport call and decodes the answer.
 */

import { t } from '../shared/i18n';
import {
  type Parsed,
  parseEmail,
  parseSessionId,
  parseUserId,
  parseWorkspaceOrOrgId,
  type SessionId,
  type UserId,
} from '../shared/ids';
import { parsedFail } from '../shared/parsed';
import { type DeviceScope, parseDeviceScope, resetFlags } from '../shared/scope';
import { decodeAuthTest, decodeSessionSettings, decodeSessionsPage, decodeUser } from './decode';
import { isSlackApiError, SlackArgumentError } from './errors';
import { createTransport } from './transport';
import type {
  ActiveSession,
  InvalidateSessionArgs,
  ListSessionsArgs,
  SessionSettingsChange,
  SessionsPage,
  SlackClient,
  SlackClientOptions,
} from './types';

/** Slack's documented maximum for admin.users.session.resetBulk. */
export const MAX_BULK_USERS = 1000;
/** admin.users.session.list: 1 to 1000 per page. */
export const MAX_SESSIONS_PAGE = 1000;
/** No member has 100 pages of sessions: past that, a paging loop is Slack misbehaving. */
export const MAX_SESSION_PAGES = 100;
/** admin.users.session.setSettings: a session lasts 8 hours to 10 years, in seconds. */
export const MIN_SESSION_DURATION_SECONDS = 28_800;
export const MAX_SESSION_DURATION_SECONDS = 315_569_520;

/** Arguments are checked with the extension's one parser per kind of ID. */
function argument<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new SlackArgumentError(parsed.message);
  return parsed.value;
}

const requireUserId = (userId: string): UserId =>
  argument(parseUserId(typeof userId === 'string' ? userId : ''));

const requireTeamId = (teamId: string): string =>
  argument(parseWorkspaceOrOrgId(typeof teamId === 'string' ? teamId : ''));

const requireScope = (scope: DeviceScope): DeviceScope => argument(parseDeviceScope(scope));

// Only exact digit strings: a number here may already have been rounded.
const requireSessionId = (sessionId: SessionId): SessionId =>
  argument(
    typeof sessionId === 'string'
      ? parseSessionId(sessionId)
      : parsedFail(t('err_sessionIdNumber')),
  );

/** Slack's own form for one member: a JSON array string, as in its documented example. */
const oneUser = (userId: UserId): string => JSON.stringify([requireUserId(userId)]);

/** The form fields for a change, refusing one Slack would (or that would change nothing). */
function settingsFields(settings: SessionSettingsChange): Record<string, string | number> {
  const { duration, desktopAppBrowserQuit: quit } = settings ?? {};
  if (duration === undefined && quit === undefined) {
    throw new SlackArgumentError(t('err_settingsNothingChosen'));
  }
  const fields: Record<string, string | number> = {};
  if (duration !== undefined) {
    if (
      !Number.isInteger(duration) ||
      duration < MIN_SESSION_DURATION_SECONDS ||
      duration > MAX_SESSION_DURATION_SECONDS
    ) {
      throw new SlackArgumentError(t('err_sessionDurationRange'));
    }
    fields.duration = duration;
  }
  if (quit !== undefined) {
    if (typeof quit !== 'boolean') {
      throw new SlackArgumentError(t('err_signOutOnCloseOnOff'));
    }
    fields.desktop_app_browser_quit = quit ? 'true' : 'false';
  }
  return fields;
}

export function createSlackClient(options: SlackClientOptions): SlackClient {
  const call = createTransport(options);

  const listSessions = async (args: ListSessionsArgs = {}): Promise<SessionsPage> => {
    const method = 'admin.users.session.list';
    const hasUser = args.userId !== undefined;
    const hasTeam = args.teamId !== undefined;
    // Slack takes both or neither; one alone would be refused (missing_team / missing_user).
    if (hasUser !== hasTeam) {
      throw new SlackArgumentError(hasUser ? t('err_listNeedsTeam') : t('err_listNeedsUser'));
    }
    const { limit, cursor } = args;
    if (
      limit !== undefined &&
      !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_SESSIONS_PAGE)
    ) {
      throw new SlackArgumentError(t('err_pageSize', MAX_SESSIONS_PAGE));
    }
    if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) {
      throw new SlackArgumentError(t('err_cursorEmpty'));
    }
    try {
      const { body } = await call(method, {
        user_id: hasUser ? requireUserId(args.userId as UserId) : undefined,
        team_id: hasTeam ? requireTeamId(args.teamId as string) : undefined,
        limit,
        cursor,
      });
      return decodeSessionsPage(method, body);
    } catch (error) {
      // Slack may report "none found" as a failure; to the admin it is an empty list.
      if (isSlackApiError(error, 'no_active_sessions')) return { sessions: [] };
      throw error;
    }
  };

  return {
    async authTest() {
      const method = 'auth.test';
      const { body, scopes } = await call(method);
      return decodeAuthTest(method, body, scopes);
    },

    async resetSessions(userId, scope) {
      const { resent } = await call('admin.users.session.reset', {
        user_id: requireUserId(userId),
        ...resetFlags(requireScope(scope)),
      });
      return { resent };
    },

    async invalidateSession(args: InvalidateSessionArgs) {
      // Current docs want user_id, the OpenAPI spec and both SDKs team_id: send all we have.
      if (args.userId === undefined && args.teamId === undefined) {
        throw new SlackArgumentError(t('err_invalidateNeedsOwner'));
      }
      try {
        const { resent } = await call('admin.users.session.invalidate', {
          session_id: requireSessionId(args.sessionId),
          user_id: args.userId === undefined ? undefined : requireUserId(args.userId),
          team_id: args.teamId === undefined ? undefined : requireTeamId(args.teamId),
        });
        return { resent, probablyEndedAlready: false };
      } catch (error) {
        // The attempt that timed out most likely ended it; the resend then finds nothing.
        if (isSlackApiError(error, 'session_not_found') && error.resent)
          return { resent: true, probablyEndedAlready: true };
        throw error;
      }
    },

    listSessions,

    async listAllSessions({ userId, teamId }) {
      const sessions: ActiveSession[] = [];
      const seenSessions = new Set<string>();
      const seenCursors = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < MAX_SESSION_PAGES; page += 1) {
        const result = await listSessions({ userId, teamId, limit: MAX_SESSIONS_PAGE, cursor });
        for (const session of result.sessions) {
          const key = `${session.teamId}:${session.sessionId}`;
          if (seenSessions.has(key)) continue;
          seenSessions.add(key);
          sessions.push(session);
        }
        // A cursor seen before would page forever: what was collected is the whole answer.
        if (!result.nextCursor || seenCursors.has(result.nextCursor)) break;
        seenCursors.add(result.nextCursor);
        cursor = result.nextCursor;
      }
      return sessions;
    },

    async resetBulk(userIds, scope) {
      if (!Array.isArray(userIds) || userIds.length === 0) {
        throw new SlackArgumentError(t('err_bulkNone'));
      }
      if (userIds.length > MAX_BULK_USERS) {
        throw new SlackArgumentError(t('err_bulkTooMany', MAX_BULK_USERS, userIds.length));
      }
      const unique = [...new Set(userIds.map(requireUserId))];
      await call('admin.users.session.resetBulk', {
        // A JSON array string, as in Slack's documented example (`user_ids=["U1","U2"]`).
        user_ids: JSON.stringify(unique),
        ...resetFlags(requireScope(scope)),
      });
    },

    async lookupByEmail(email) {
      const method = 'users.lookupByEmail';
      const parsed = parseEmail(typeof email === 'string' ? email : '');
      if (!parsed.ok) throw new SlackArgumentError(parsed.message);
      const { body } = await call(method, { email: parsed.value });
      return decodeUser(method, body);
    },

    async usersInfo(userId) {
      const method = 'users.info';
      const { body } = await call(method, { user: requireUserId(userId) });
      return decodeUser(method, body);
    },

    async getSessionSettings(userId) {
      const method = 'admin.users.session.getSettings';
      const member = requireUserId(userId);
      const { body } = await call(method, { user_ids: JSON.stringify([member]) });
      return decodeSessionSettings(method, body, member);
    },

    async setSessionSettings(userId, settings) {
      const { resent } = await call('admin.users.session.setSettings', {
        user_ids: oneUser(userId),
        ...settingsFields(settings),
      });
      return { resent };
    },

    async clearSessionSettings(userId) {
      const { resent } = await call('admin.users.session.clearSettings', {
        user_ids: oneUser(userId),
      });
      return { resent };
    },
  };
}
