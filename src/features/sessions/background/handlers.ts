/** Resetting a member, and listing or ending their sessions, for the org the admin saw. */

import { accessAsShown } from '../../../core/background/access-as-shown';
import type { HandlersFor } from '../../../core/background/router';
import { cachedMember, resolveMember } from '../../members/background/members';
import type { sessionRequests } from '../messages';
import { invalidateMemberSession, listMemberSessions, resetMember } from './session-actions';

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
