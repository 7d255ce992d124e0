/** What the background does for each request type, and who may ask. */

import { ActionError } from '../core/background/errors';
import type { HandlerTable } from '../core/background/router';
import { clientForToken, type OrgAccess, orgAccess } from '../core/background/slack-access';
import {
  optionalReason,
  requireScope,
  requireSessionId,
  requireString,
  requireTeamId,
  requireTokenId,
  requireUserId,
} from '../core/background/validate';
import {
  activateToken,
  listTokens,
  lockToken,
  removeToken,
  storeToken,
  unlockToken,
} from '../core/background/vault/vault';
import { listActivity } from '../features/activity/background/activity-log';
import { ACTIVITY_OUTCOME_LABEL, type ActivityOutcome, toCsv } from '../features/activity/model';
import {
  answerConfirmation,
  chooseOrg,
  getConfirmation,
  openConfirmation,
} from '../features/confirm/background/confirmations';
import { orgOfPage } from '../features/confirm/background/page-org';
import { cachedMember, resolveMember } from '../features/members/background/members';
import {
  invalidateMemberSession,
  listMemberSessions,
  resetMember,
} from '../features/sessions/background/session-actions';
import { getPreferences, setPreferences } from '../features/settings/background/preferences';
import { checkTokenShape, identifyToken } from '../features/tokens/background/token-check';
import { STORAGE_MODE_LABEL, type StorageMode } from '../features/tokens/model';
import { shortTitle } from '../shared/format';
import { parseUserRef } from '../shared/ids';

const PAGE = ['extension-page'] as const;

function requireMode(value: unknown): StorageMode {
  if (typeof value === 'string' && Object.hasOwn(STORAGE_MODE_LABEL, value))
    return value as StorageMode;
  throw new ActionError('invalid_input', 'Choose how the token should be kept.');
}

/**
 * The org the admin saw when they confirmed: if another one became active meanwhile (another
 * window switched it), nothing is sent to either.
 */
async function accessAsShown(tokenId: string): Promise<OrgAccess> {
  if ((await listTokens()).activeId !== tokenId) {
    throw new ActionError(
      'org_changed',
      'The active org changed since this member was shown. Look the member up again, then retry.',
    );
  }
  return orgAccess(tokenId);
}

function isActivityOutcome(value: unknown): value is ActivityOutcome {
  return typeof value === 'string' && Object.hasOwn(ACTIVITY_OUTCOME_LABEL, value);
}

export const handlers: HandlerTable = {
  'ui/tokens/list': { from: PAGE, handle: () => listTokens() },
  'ui/tokens/save': {
    from: PAGE,
    async handle(p) {
      const token = checkTokenShape(requireString(p.token, 'token'));
      const environment = p.environment === 'gov' ? 'gov' : 'commercial';
      const mode = requireMode(p.mode);
      const { identity, warnings } = await identifyToken(clientForToken(token, environment));
      const passphrase =
        mode === 'passphrase' ? requireString(p.passphrase, 'passphrase', 1024) : undefined;
      const summary = await storeToken({ token, mode, passphrase, environment, identity });
      return { token: summary, warnings };
    },
  },
  'ui/tokens/remove': {
    from: PAGE,
    handle: (p) => removeToken(requireTokenId(p.tokenId)),
  },
  'ui/tokens/activate': {
    from: PAGE,
    handle: (p) => activateToken(requireTokenId(p.tokenId)),
  },
  'ui/tokens/unlock': {
    from: PAGE,
    handle: (p) =>
      unlockToken(requireTokenId(p.tokenId), requireString(p.passphrase, 'passphrase', 1024)),
  },
  'ui/tokens/lock': {
    from: PAGE,
    handle: (p) => lockToken(requireTokenId(p.tokenId)),
  },
  'ui/member/resolve': {
    from: PAGE,
    async handle(p) {
      const ref = parseUserRef(requireString(p.input, 'user'));
      if (!ref.ok) throw new ActionError('invalid_input', ref.message);
      const access = await orgAccess();
      const member = await resolveMember(access.client, access.org.teamId, ref.value);
      return { ...member, tokenId: access.org.id };
    },
  },
  'ui/sessions/reset': {
    from: PAGE,
    async handle(p) {
      const userId = requireUserId(p.userId);
      const scope = requireScope(p.scope);
      const source = p.source === 'bulk' ? 'bulk' : 'popup';
      const access = await accessAsShown(requireTokenId(p.tokenId));
      const { member, resent } = await resetMember(
        access,
        userId,
        scope,
        source,
        optionalReason(p.reason),
      );
      return { member, org: access.org.team, scope, resent };
    },
  },
  'ui/sessions/list': {
    from: PAGE,
    async handle(p) {
      const userId = requireUserId(p.userId);
      const access = await accessAsShown(requireTokenId(p.tokenId));
      // The popup looked the member up a moment ago: their workspaces are already known.
      const member =
        cachedMember(access.org.teamId, userId) ??
        (await resolveMember(access.client, access.org.teamId, { kind: 'id', userId }));
      return listMemberSessions(access, member);
    },
  },
  'ui/sessions/invalidate': {
    from: PAGE,
    async handle(p) {
      const userId = requireUserId(p.userId);
      const sessionId = requireSessionId(p.sessionId);
      const teamId = requireTeamId(p.teamId);
      const access = await accessAsShown(requireTokenId(p.tokenId));
      const message = await invalidateMemberSession(
        access,
        userId,
        sessionId,
        teamId,
        optionalReason(p.reason),
      );
      return { sessionId, message };
    },
  },
  'ui/activity/list': {
    from: PAGE,
    handle: (p) => {
      const filter = (typeof p.filter === 'object' && p.filter !== null ? p.filter : {}) as Record<
        string,
        unknown
      >;
      const limit =
        typeof p.limit === 'number' && p.limit > 0 ? Math.min(p.limit, 10_000) : undefined;
      return listActivity(
        {
          user: typeof filter.user === 'string' ? filter.user.slice(0, 200) : undefined,
          outcome: isActivityOutcome(filter.outcome) ? filter.outcome : undefined,
        },
        limit,
      );
    },
  },
  'ui/activity/export-csv': {
    from: PAGE,
    async handle() {
      const entries = await listActivity();
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return { csv: toCsv(entries), filename: `slack-session-activity-${stamp}.csv` };
    },
  },
  'ui/settings/get': { from: PAGE, handle: () => getPreferences() },
  'ui/settings/set': {
    from: PAGE,
    handle: (p) => setPreferences((typeof p.preferences === 'object' && p.preferences) || {}),
  },
  'ui/confirmation/get': {
    from: PAGE,
    handle: (p) => getConfirmation(requireString(p.id, 'request', 100)),
  },
  'ui/confirmation/choose-org': {
    from: PAGE,
    handle: (p) =>
      chooseOrg(
        requireString(p.id, 'request', 100),
        requireTokenId(p.tokenId),
        p.remember === true,
      ),
  },
  'ui/confirmation/answer': {
    from: PAGE,
    handle: (p) =>
      answerConfirmation(requireString(p.id, 'request', 100), {
        confirmed: p.confirmed === true,
        scope: requireScope(p.scope),
        reason: optionalReason(p.reason),
      }),
  },
  'content/config/get': {
    from: ['admin-content-script'],
    async handle() {
      return { extraMemberSelectors: (await getPreferences()).extraMemberSelectors };
    },
  },
  'content/reset/ask': {
    from: ['admin-content-script'],
    async handle(p, context) {
      const userId = requireUserId(p.userId);
      // The classifier admitted this sender only with a browser-given admin origin.
      const origin = context.origin ?? '';
      const org = await orgOfPage(origin, context.url);
      const { defaultScope } = await getPreferences();
      await openConfirmation({
        source: 'page',
        refs: [{ kind: 'id', userId }],
        scope: defaultScope,
        org,
        asker: { surface: 'page', origin, title: shortTitle(context.tabTitle) },
        tabId: context.tabId,
      });
      return { opened: true };
    },
  },
};
