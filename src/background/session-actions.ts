/** The three things done to a member's sessions, each recorded in Activity whatever the outcome. */
import type { ActivityEntry } from '../shared/activity';
import type { SessionId, UserId } from '../shared/ids';
import type { ActionSource, MemberView, SessionView } from '../shared/messages';
import type { DeviceScope } from '../shared/scope';
import { type ActiveSession, isSlackError } from '../slack';
import { recordActivity } from './activity-log';
import { toReplyError } from './errors';
import { describeMember } from './members';
import type { OrgAccess } from './slack-access';

function activityBase(
  access: OrgAccess,
  member: MemberView,
  source: ActionSource,
  reason?: string,
) {
  return {
    org: access.org.team,
    orgId: access.org.teamId,
    admin: access.org.user,
    adminId: access.org.userId,
    source,
    userId: member.userId,
    userName: member.name,
    userEmail: member.email,
    reason,
  } satisfies Partial<ActivityEntry>;
}

/**
 * Performs `act`, names the member for the record (naming never fails the action), records
 * the outcome, and rethrows a failure for the caller to show.
 */
async function performRecorded(
  access: OrgAccess,
  userId: UserId,
  record: { source: ActionSource; reason?: string } & Pick<
    ActivityEntry,
    'action' | 'scope' | 'sessionId'
  >,
  act: () => Promise<void>,
): Promise<MemberView> {
  const failure = await act().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  // Named after the action, never before it: usually from the look-up the confirmation made,
  // and in a burst of hundreds the look-ups do not compete with the resets themselves.
  const member = await describeMember(access.client, access.org.teamId, userId);
  const { source, reason, ...action } = record;
  const base = { ...activityBase(access, member, source, reason), ...action };
  if (!failure) {
    await recordActivity({ ...base, outcome: 'success' });
    return member;
  }
  const reply = toReplyError(failure.error);
  await recordActivity({
    ...base,
    outcome: 'failed',
    errorCode: reply.code,
    message: reply.message,
  });
  throw failure.error;
}

export function resetMember(
  access: OrgAccess,
  userId: UserId,
  scope: DeviceScope,
  source: ActionSource,
  reason?: string,
): Promise<MemberView> {
  return performRecorded(access, userId, { action: 'reset', scope, source, reason }, () =>
    access.client.resetSessions(userId, scope),
  );
}

function toSessionView(session: ActiveSession): SessionView {
  const latest = session.recent ?? session.created;
  return {
    sessionId: session.sessionId,
    teamId: session.teamId,
    device: latest?.deviceHardware,
    os: latest ? [latest.os, latest.osVersion].filter(Boolean).join(' ') || undefined : undefined,
    clientVersion: latest?.slackClientVersion,
    lastSeenIp: session.recent?.ip,
    createdIp: session.created?.ip,
  };
}

/** Sessions in every workspace the member belongs to (Slack lists them per workspace). */
export async function listMemberSessions(
  access: OrgAccess,
  member: MemberView,
): Promise<SessionView[]> {
  const teams =
    member.teams.length > 0 ? member.teams : [access.org.enterpriseId ?? access.org.teamId];
  const seen = new Set<SessionId>();
  const views: SessionView[] = [];
  for (const teamId of teams) {
    let sessions: ActiveSession[];
    try {
      sessions = await access.client.listAllSessions({ userId: member.userId, teamId });
    } catch (error) {
      if (isSlackError(error) && error.code === 'no_active_sessions') continue;
      throw error;
    }
    for (const session of sessions) {
      if (seen.has(session.sessionId)) continue;
      seen.add(session.sessionId);
      views.push(toSessionView(session));
    }
  }
  return views;
}

export async function invalidateMemberSession(
  access: OrgAccess,
  userId: UserId,
  sessionId: SessionId,
  teamId: string,
  reason?: string,
): Promise<void> {
  await performRecorded(
    access,
    userId,
    { action: 'invalidate', sessionId, source: 'popup', reason },
    () => access.client.invalidateSession({ sessionId, userId, teamId }),
  );
}
