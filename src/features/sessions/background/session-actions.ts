/**
 * The things done to a member's sessions, each recorded in Activity whatever the outcome:
 * as attempted before the request goes out, completed when Slack answers.
 */

import { toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { RESENT_NOTE } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import type { SessionId, UserId } from '../../../shared/ids';
import { type DeviceScope, scopeWords } from '../../../shared/scope';
import {
  type ActiveSession,
  isSlackApiError,
  isSlackError,
  isSlackTransportError,
  type WriteOutcome,
} from '../../../slack';
import { completeAttempt, recordAttempt } from '../../activity/background/activity-log';
import type { ActionSource, ActivityEntry } from '../../activity/model';
import { bareMember, cachedMember, describeMember } from '../../members/background/members';
import type { MemberView } from '../../members/model';
import { memberLabel } from '../../members/model';
import type { SessionView } from '../model';

const FIRST_MAY_HAVE_WORKED = t('session_firstMayHaveWorked');

function activityBase(
  access: OrgAccess,
  member: MemberView,
  source: ActionSource,
  reason?: string,
) {
  return {
    org: access.org.team,
    orgId: access.org.teamId,
    environment: access.org.environment,
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
 * Records the action as attempted, performs `act`, names the member for the record (naming
 * never fails the action), completes the record, and rethrows a failure for the caller.
 */
export async function performRecorded<T extends WriteOutcome>(
  access: OrgAccess,
  userId: UserId,
  record: { source: ActionSource; reason?: string } & Pick<
    ActivityEntry,
    'action' | 'scope' | 'sessionId'
  >,
  act: () => Promise<T>,
  note: (outcome: T) => string | undefined = (outcome) =>
    outcome.resent ? RESENT_NOTE : undefined,
): Promise<{ member: MemberView; outcome: T; activityId: string }> {
  const { source, reason, ...action } = record;
  const known = cachedMember(access.org.teamId, userId) ?? bareMember(userId);
  const attempt = await recordAttempt({
    ...activityBase(access, known, source, reason),
    ...action,
  });
  const result = await act().then(
    (outcome) => ({ outcome }),
    (error: unknown) => ({ error }),
  );
  // Named after the action, never before it: usually from the look-up the confirmation made,
  // and in a burst of hundreds the look-ups do not compete with the resets themselves.
  const member = await describeMember(access.client, access.org.teamId, userId);
  const named = activityBase(access, member, source, reason);
  if ('outcome' in result) {
    await completeAttempt(attempt, {
      ...named,
      outcome: 'success',
      message: note(result.outcome),
    });
    return { member, outcome: result.outcome, activityId: attempt.entry.id };
  }
  const reply = toReplyError(result.error);
  // Unanswered in transit, or refused only on the second try: the first may have done it.
  const resentThenRefused = isSlackApiError(result.error) && result.error.resent;
  const uncertain =
    (isSlackTransportError(result.error) && result.error.uncertain) || resentThenRefused;
  await completeAttempt(attempt, {
    ...named,
    outcome: uncertain ? 'unknown' : 'failed',
    errorCode: reply.code,
    message: resentThenRefused ? `${reply.message} ${FIRST_MAY_HAVE_WORKED}` : reply.message,
  });
  throw result.error;
}

export interface ResetResult {
  member: MemberView;
  /** Its Activity entry, for what a check afterwards finds. */
  activityId: string;
  /** A sentence naming the member. */
  message: string;
  /** The first attempt timed out, so the request was sent twice. */
  resent: boolean;
}

export async function resetMember(
  access: OrgAccess,
  userId: UserId,
  scope: DeviceScope,
  source: ActionSource,
  reason?: string,
): Promise<ResetResult> {
  const { member, outcome, activityId } = await performRecorded(
    access,
    userId,
    { action: 'reset', scope, source, reason },
    () => access.client.resetSessions(userId, scope),
  );
  const message = `Signed ${memberLabel(member)} out (${scopeWords(scope)}).`;
  const { resent } = outcome;
  return { member, activityId, resent, message: resent ? `${message} ${RESENT_NOTE}` : message };
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

const PROBABLY_ENDED = t('session_probablyEnded');

/** Ends one session; the sentence says whose, and whether it was probably ended already. */
export async function invalidateMemberSession(
  access: OrgAccess,
  userId: UserId,
  sessionId: SessionId,
  teamId: string,
  reason?: string,
): Promise<string> {
  const { member, outcome } = await performRecorded(
    access,
    userId,
    { action: 'invalidate', sessionId, source: 'popup', reason },
    () => access.client.invalidateSession({ sessionId, userId, teamId }),
    (o) => (o.probablyEndedAlready ? PROBABLY_ENDED : o.resent ? RESENT_NOTE : undefined),
  );
  const ended = t('session_ended', sessionId, memberLabel(member));
  if (outcome.probablyEndedAlready)
    return t('session_endedAlready', sessionId, memberLabel(member), PROBABLY_ENDED);
  return outcome.resent ? `${ended} ${RESENT_NOTE}` : ended;
}
