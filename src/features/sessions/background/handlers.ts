/** Resetting a member, and listing or ending their sessions, for the org the admin saw. */

import { accessAsShown } from '../../../core/background/access-as-shown';
import { toReplyError } from '../../../core/background/errors';
import { popupIsOpen } from '../../../core/background/open-popups';
import type { HandlersFor } from '../../../core/background/router';
import type { OrgAccess } from '../../../core/background/slack-access';
import { notifyPages } from '../../../protocol/background';
import { t } from '../../../shared/i18n';
import type { UserId } from '../../../shared/ids';
import { notify } from '../../context-menu/background/notifications';
import { cachedMember, resolveMember } from '../../members/background/members';
import { type MemberView, memberLabel } from '../../members/model';
import type { sessionRequests } from '../messages';
import { invalidateMemberSession, listMemberSessions, resetMember } from './session-actions';
import { checkSignedOut } from './sign-out-check';

// The popup looked the member up a moment ago: their workspaces are usually known already.
async function knownMember(access: OrgAccess, userId: UserId): Promise<MemberView> {
  return (
    cachedMember(access.org.teamId, userId) ??
    (await resolveMember(access.client, access.org.teamId, { kind: 'id', userId }))
  );
}

export const sessionHandlers: HandlersFor<typeof sessionRequests> = {
  'ui/sessions/reset': async ({ userId, tokenId, scope, reason, source }) => {
    const access = await accessAsShown(tokenId, {
      onRateLimited: ({ retryAfterSeconds: seconds }) =>
        notifyPages('bg-to-pages/reset/waiting', {
          userId,
          tokenId,
          seconds,
          retryAt: Date.now() + seconds * 1000,
        }),
    });
    try {
      const { member, resent, activityId, message } = await resetMember(
        access,
        userId,
        scope,
        source,
        reason,
      );
      if (source === 'popup' && !popupIsOpen()) await notify(t('notify_signedOutTitle'), message);
      return { member, activityId, org: access.org.team, scope, resent };
    } catch (error) {
      // The popup closed while Slack made it wait: the outcome would otherwise go nowhere.
      if (source === 'popup' && !popupIsOpen()) {
        const member = cachedMember(access.org.teamId, userId);
        await notify(
          t('notify_failedTitle'),
          t(
            'notify_memberFailed',
            member ? memberLabel(member) : userId,
            toReplyError(error).message,
          ),
        );
      }
      throw error;
    }
  },
  'ui/sessions/check': async ({ userId, tokenId, scope, activityId }) => {
    const access = await accessAsShown(tokenId);
    return checkSignedOut(access, await knownMember(access, userId), scope, activityId);
  },
  'ui/sessions/list': async ({ userId, tokenId }) => {
    const access = await accessAsShown(tokenId);
    return listMemberSessions(access, await knownMember(access, userId));
  },
  'ui/sessions/invalidate': async ({ userId, tokenId, sessionId, teamId, reason }) => {
    const access = await accessAsShown(tokenId);
    const message = await invalidateMemberSession(access, userId, sessionId, teamId, reason);
    return { sessionId, message };
  },
};
