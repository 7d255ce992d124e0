/** Resetting a member, and listing or ending their sessions, for the org the admin saw. */
import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { type OrgAccess, orgAccess } from '../../../core/background/slack-access';
import { listTokens } from '../../../core/background/vault/vault';
import { cachedMember, resolveMember } from '../../members/background/members';
import type { sessionRequests } from '../messages';
import { invalidateMemberSession, listMemberSessions, resetMember } from './session-actions';

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

export const sessionHandlers: HandlersFor<typeof sessionRequests> = {
  'ui/sessions/reset': async ({ userId, tokenId, scope, reason, source }) => {
    const access = await accessAsShown(tokenId);
    const { member, resent } = await resetMember(access, userId, scope, source, reason);
    return { member, org: access.org.team, scope, resent };
  },
  'ui/sessions/list': async ({ userId, tokenId }) => {
    const access = await accessAsShown(tokenId);
    // The popup looked the member up a moment ago: their workspaces are already known.
    const member =
      cachedMember(access.org.teamId, userId) ??
      (await resolveMember(access.client, access.org.teamId, { kind: 'id', userId }));
    return listMemberSessions(access, member);
  },
  'ui/sessions/invalidate': async ({ userId, tokenId, sessionId, teamId, reason }) => {
    const access = await accessAsShown(tokenId);
    const message = await invalidateMemberSession(access, userId, sessionId, teamId, reason);
    return { sessionId, message };
  },
};
