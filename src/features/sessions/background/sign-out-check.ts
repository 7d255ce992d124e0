/**
 * Proof that a sign-out took: after a reset the member's sessions are listed again, and the
 * outcome says what remains. Slack's own "ok" only says the request was accepted.
 */
import { toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { t } from '../../../shared/i18n';
import type { DeviceScope } from '../../../shared/scope';
import { noteOnEntry } from '../../activity/background/activity-log';
import type { MemberView } from '../../members/model';
import { describeSession, type SessionView, type SignOutCheck, sessionKind } from '../model';
import { listMemberSessions } from './session-actions';

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

function list(remaining: readonly SessionView[]): string {
  const named = remaining
    .slice(0, NAMED_AT_MOST)
    .map((s) =>
      s.lastSeenIp ? t('check_seenFrom', describeSession(s), s.lastSeenIp) : describeSession(s),
    )
    .join('; ');
  const more = remaining.length - NAMED_AT_MOST;
  return more > 0 ? t('check_more', named, more) : named;
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
    return left.length === 1
      ? t('check_stillHasOne', who, list(left))
      : t('check_stillHasMany', who, left.length, list(left));
  }
  if (scope === 'all') return t('check_noneAll', who);
  if (kept.length === 0) return t(scope === 'web' ? 'check_noneWeb' : 'check_noneMobile', who);
  if (scope === 'web')
    return kept.length === 1
      ? t('check_keptWebOne', who, list(kept))
      : t('check_keptWebMany', who, kept.length, list(kept));
  return kept.length === 1
    ? t('check_keptMobileOne', who, list(kept))
    : t('check_keptMobileMany', who, kept.length, list(kept));
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
      sentence: t('check_failed', shortName(member), why),
    };
  }
}
