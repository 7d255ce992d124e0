/** Turns what an admin typed into a member Slack knows, with a short-lived cache for names. */

import { ActionError } from '../../../core/background/errors';
import { t } from '../../../shared/i18n';
import { describeUserRef, type UserId, type UserRef } from '../../../shared/ids';
import { isSlackError, type SlackClient, type SlackUser } from '../../../slack';
import type { MemberView } from '../model';

// Names shown in the confirmation are reused for the outcome and Activity without asking
// Slack again between "Confirm reset" and the reset itself.
const cache = new Map<string, { member: MemberView; until: number }>();
const CACHE_MS = 10 * 60_000;

export function toMemberView(user: SlackUser): MemberView {
  return {
    userId: user.id as UserId,
    name: user.realName || user.displayName || user.name,
    email: user.email,
    teamId: user.teamId,
    teams:
      user.enterpriseTeams.length > 0 ? user.enterpriseTeams : user.teamId ? [user.teamId] : [],
    isBot: user.isBot,
    isPrimaryOwner: user.isPrimaryOwner,
    deleted: user.deleted,
    isOwner: user.isOwner,
    isAdmin: user.isAdmin,
  };
}

function remember(orgId: string, member: MemberView): MemberView {
  cache.set(`${orgId}/${member.userId}`, { member, until: Date.now() + CACHE_MS });
  return member;
}

export function cachedMember(orgId: string, userId: UserId): MemberView | undefined {
  const hit = cache.get(`${orgId}/${userId}`);
  return hit && hit.until > Date.now() ? hit.member : undefined;
}

export function bareMember(userId: UserId): MemberView {
  return { userId, teams: [], isBot: false, isPrimaryOwner: false, deleted: false };
}

/** Looks the member up; by ID, a token without users:read still works with the bare ID. */
export async function resolveMember(
  client: SlackClient,
  orgId: string,
  ref: UserRef,
): Promise<MemberView> {
  try {
    const user =
      ref.kind === 'email'
        ? await client.lookupByEmail(ref.email)
        : await client.usersInfo(ref.userId);
    return remember(orgId, toMemberView(user));
  } catch (error) {
    if (
      isSlackError(error) &&
      (error.code === 'users_not_found' || error.code === 'user_not_found')
    ) {
      throw new ActionError(
        error.code,
        t(
          ref.kind === 'email' ? 'member_notFoundEmail' : 'member_notFoundId',
          describeUserRef(ref),
        ),
      );
    }
    if (ref.kind === 'id' && isSlackError(error) && error.code === 'missing_scope') {
      return bareMember(ref.userId);
    }
    throw error;
  }
}

/** A name for outcomes and Activity; never fails the action it describes. */
export async function describeMember(
  client: SlackClient,
  orgId: string,
  userId: UserId,
): Promise<MemberView> {
  const known = cachedMember(orgId, userId);
  if (known) return known;
  try {
    return await resolveMember(client, orgId, { kind: 'id', userId });
  } catch {
    return bareMember(userId);
  }
}
