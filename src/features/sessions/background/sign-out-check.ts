/**
 * Proof that a sign-out took: after a reset the member's sessions are listed again, and the
 * outcome says what remains. Slack's own "ok" only says the request was accepted.
 */
import { toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import type { DeviceScope } from '../../../shared/scope';
import { noteOnEntry } from '../../activity/background/activity-log';
import type { MemberView } from '../../members/model';
import { describeSession, type SessionView, type SignOutCheck, sessionKind } from '../model';
import { listMemberSessions } from './session-actions';

function sessions(count: number, kind = ''): string {
  const words = kind ? `${kind} session` : 'session';
  return count === 1 ? `1 ${words}` : `${count} ${words}s`;
}

/** A web-only reset leaves mobile sessions, a mobile-only one the rest: those are expected. */
function expectedToRemain(scope: DeviceScope, session: SessionView): boolean {
  if (scope === 'all') return false;
  const kind = sessionKind(session);
  // A session of unknown kind is never taken for one the reset was meant to leave.
  if (kind === 'unknown') return false;
  return scope === 'web' ? kind === 'mobile' : kind !== 'mobile';
}

/** Outcomes are read at a glance: past a few, the rest are counted. */
const NAMED_AT_MOST = 5;

const SCOPE_DONE: Record<DeviceScope, string> = {
  all: 'is signed out',
  web: 'is signed out of web browsers and the desktop app',
  mobile: 'is signed out of the mobile apps',
};

const KEPT: Record<Exclude<DeviceScope, 'all'>, { kind: string; why: string }> = {
  web: { kind: 'mobile', why: 'which Web only leaves signed in' },
  mobile: { kind: 'web or desktop', why: 'which Mobile only leaves signed in' },
};

function list(remaining: readonly SessionView[]): string {
  const named = remaining
    .slice(0, NAMED_AT_MOST)
    .map((s) => `${describeSession(s)}${s.lastSeenIp ? `, seen from ${s.lastSeenIp}` : ''}`)
    .join('; ');
  const more = remaining.length - NAMED_AT_MOST;
  return more > 0 ? `${named}; and ${more} more (Show sessions lists them)` : named;
}

// Follows the reset's own sentence, which names the member in full.
function shortName(member: MemberView): string {
  return member.name ?? member.userId;
}

export function signOutSentence(
  member: MemberView,
  scope: DeviceScope,
  remaining: readonly SessionView[],
): string {
  const who = shortName(member);
  const kept = remaining.filter((s) => expectedToRemain(scope, s));
  const left = remaining.filter((s) => !expectedToRemain(scope, s));
  if (left.length > 0) {
    return `${who} still has ${sessions(left.length, 'active')} that the reset should have ended: ${list(left)}. Slack may need a moment: show the sessions again shortly, and end any that stay with Invalidate.`;
  }
  if (scope === 'all' || kept.length === 0) {
    const none = scope === 'all' ? 'no active sessions remain' : 'none of those sessions remain';
    return `${who} ${SCOPE_DONE[scope]}: ${none}.`;
  }
  const { kind, why } = KEPT[scope];
  return `${who} ${SCOPE_DONE[scope]}: ${sessions(kept.length, kind)} remain${kept.length === 1 ? 's' : ''}, ${why}: ${list(kept)}.`;
}

/**
 * Lists the member's sessions again; never throws, since the reset itself is done. What it
 * finds is added to the reset's Activity entry, the proof kept with the action.
 */
export async function checkSignedOut(
  access: OrgAccess,
  member: MemberView,
  scope: DeviceScope,
  activityId?: string,
): Promise<SignOutCheck> {
  const check = await listAgain(access, member, scope);
  if (activityId)
    await noteOnEntry(
      activityId,
      (e) =>
        e.action === 'reset' &&
        e.outcome === 'success' &&
        e.userId === member.userId &&
        e.orgId === access.org.teamId &&
        e.scope === scope,
      check.sentence,
    );
  return check;
}

async function listAgain(
  access: OrgAccess,
  member: MemberView,
  scope: DeviceScope,
): Promise<SignOutCheck> {
  try {
    const remaining = await listMemberSessions(access, member);
    return { verified: true, remaining, sentence: signOutSentence(member, scope, remaining) };
  } catch (error) {
    const why = toReplyError(error).message;
    return {
      verified: false,
      remaining: [],
      sentence: `Could not check that ${shortName(member)} is signed out, as listing their sessions failed: ${why}`,
    };
  }
}
