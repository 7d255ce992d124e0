/**
 * Carrying out an answered request, member by member. Each member is marked before its
 * request is sent, so a stopped worker resumes where it left off and never sends one twice.
 */
import { ActionError, toReplyError } from '../../../core/background/errors';
import { type OrgAccess, orgAccess } from '../../../core/background/slack-access';
import { rememberPageHost } from '../../../core/background/vault/vault';
import { notifyPages } from '../../../protocol/background';
import { t } from '../../../shared/i18n';
import type { DeviceScope } from '../../../shared/scope';
import { waitSentence } from '../../../shared/time';
import { isSlackTransportError } from '../../../slack';
import { UNKNOWN_OUTCOME_MESSAGE } from '../../activity/model';
import { notifyOutcomes } from '../../context-menu/background/notifications';
import { bareMember, cachedMember, resolveMember } from '../../members/background/members';
import { REFUSAL_REASON } from '../../members/model';
import { failureKindOf } from '../../page-controls/model';
import { resetMember } from '../../sessions/background/session-actions';
import { checkSignedOut } from '../../sessions/background/sign-out-check';
import type { ConfirmationOutcome, ConfirmationView } from '../messages';
import { releaseSlot, windowExists } from './gate';
import { mayPassNextTime } from './may-pass';
import { tellPage } from './progress';
import { view } from './requests';
import { forget, load, type PendingConfirmation, save, type Target } from './store';

export async function carryOut(
  id: string,
  answer: { scope: DeviceScope; reason?: string; includeSelf?: boolean },
): Promise<ConfirmationView> {
  const pending = await load(id);
  // Also after every reset went out, until the checks and the notification are done too.
  if (pending.finished) return view(pending);
  if (!pending.tokenId) {
    throw new ActionError('choose_org', t('confirm_chooseOrgFirst'));
  }
  // Fails (locked, forgotten…) before anything is marked, so the same request can be retried.
  let current: Target | undefined;
  const access = await orgAccess(pending.tokenId, {
    onRateLimited: ({ retryAfterSeconds: seconds }) => tellWaiting(pending, current, seconds),
  });
  if (!pending.outcomes) {
    pending.scope = answer.scope;
    pending.reason = answer.reason;
    pending.includeSelf = answer.includeSelf;
    pending.outcomes = [];
    await save(pending);
  }
  releaseSlot(pending.id);
  // Resumes where a stopped worker left off; each target is marked before its request, so
  // none is ever sent twice.
  for (const target of pending.targets.slice(pending.outcomes.length)) {
    current = target;
    pending.outcomes.push(await outcomeOf(pending, access, target));
    await save(pending);
  }
  // The admin's Retry failed: those targets again, in place, each marked before it is sent.
  for (const index of [...(pending.retrying ?? [])]) {
    const target = pending.targets[index];
    if (target) {
      current = target;
      pending.outcomes[index] = await outcomeOf(pending, access, target);
    }
    pending.retrying = pending.retrying?.filter((i) => i !== index);
    await save(pending);
  }
  await checkSignOuts(pending, access);
  // Remembered only once a member was found in the chosen org: a wrong pick is not kept.
  if (pending.rememberHost && pending.unknownHost && pending.targets.some((t) => t.resolved))
    await rememberPageHost(pending.tokenId, pending.unknownHost);
  if (pending.source === 'context-menu') await notifyOutcomes(pending.outcomes);
  pending.finished = true;
  await save(pending);
  // Closed while the resets ran: nothing will show the outcomes again (Activity has them).
  if (pending.windowId !== undefined && !(await windowExists(pending.windowId)))
    await forget(pending.id);
  return view(pending);
}

/**
 * Each listing is a Tier 2 call, like the resets: past this many members the outcomes come
 * without waiting minutes for proof, which Show sessions gives for any one of them.
 */
const CHECKED_AT_MOST = 10;

/** Lists each member signed out again and says in their outcome what remains. */
async function checkSignOuts(pending: PendingConfirmation, access: OrgAccess): Promise<void> {
  const outcomes = pending.outcomes ?? [];
  const done = outcomes.filter((o) => o.ok);
  if (done.length === 0 || done.length > CHECKED_AT_MOST) return;
  for (const [i, outcome] of outcomes.entries()) {
    const target = pending.targets[i];
    const userId = target?.userId;
    if (!outcome.ok || outcome.checked || !userId) continue;
    const member = cachedMember(access.org.teamId, userId) ?? bareMember(userId);
    const check = await checkSignedOut(access, member, pending.scope, target.activityId);
    outcome.message = `${outcome.message} ${check.sentence}`;
    outcome.checked = true;
    await save(pending);
    tellPage(pending, { userId, state: 'done', message: outcome.message });
  }
}

/** A target not sent yet is sent; one a stopped worker was sending has an unknown outcome. */
async function outcomeOf(
  pending: PendingConfirmation,
  access: OrgAccess,
  target: Target,
): Promise<ConfirmationOutcome> {
  if (target.refusal && !(target.refusal.kind === 'self' && pending.includeSelf))
    return notSent(pending, target, target.refusal.reason);
  if (target.sent) {
    return {
      label: target.label,
      ok: false,
      unknown: true,
      retryable: true,
      message: `${target.label}: ${UNKNOWN_OUTCOME_MESSAGE}`,
    };
  }
  target.sent = true;
  await save(pending);
  return resetTarget(pending, access, target, pending.reason);
}

/** Nothing is sent for this member; the page's control and the window say why. */
function notSent(
  pending: PendingConfirmation,
  target: Target,
  reason: string,
): ConfirmationOutcome {
  if (target.userId)
    tellPage(pending, {
      userId: target.userId,
      state: 'failed',
      message: reason,
      why: target.refusal?.kind === 'not-found' ? 'not-found' : 'not-allowed',
    });
  return { label: target.label, ok: false, notSent: true, message: `${target.label}: ${reason}` };
}

/** Slack made this member's reset wait: the window and the page say until when. */
function tellWaiting(pending: PendingConfirmation, target: Target | undefined, seconds: number) {
  const retryAt = Date.now() + seconds * 1000;
  notifyPages('bg-to-pages/reset/waiting', {
    confirmationId: pending.id,
    userId: target?.userId,
    seconds,
    retryAt,
  });
  if (target?.userId)
    tellPage(pending, {
      userId: target.userId,
      state: 'waiting',
      message: waitSentence(seconds, retryAt),
      retryAt,
    });
}

async function resetTarget(
  pending: PendingConfirmation,
  access: OrgAccess,
  target: Target,
  reason: string | undefined,
): Promise<ConfirmationOutcome> {
  try {
    const userId =
      target.userId ?? (await resolveMember(access.client, access.org.teamId, target.ref)).userId;
    target.userId = userId;
    // Whoever the member turned out to be at send time: never the admin without the tick,
    // even when naming them for the window had failed.
    if (userId === access.org.userId && !pending.includeSelf) {
      target.refusal = { kind: 'self', reason: REFUSAL_REASON.self };
      return notSent(pending, target, REFUSAL_REASON.self);
    }
    tellPage(pending, {
      userId,
      state: 'working',
      message: t('common_resetting'),
    });
    const { message, activityId } = await resetMember(
      access,
      userId,
      pending.scope,
      pending.source,
      reason,
    );
    target.activityId = activityId;
    tellPage(pending, { userId, state: 'done', message });
    return { label: target.label, ok: true, message };
  } catch (error) {
    // Every failure names its member: a list of ten sentences must say whose each is.
    const message = `${target.label}: ${toReplyError(error).message}`;
    const unknown = isSlackTransportError(error) && error.uncertain;
    if (target.userId)
      tellPage(pending, {
        userId: target.userId,
        state: 'failed',
        message: toReplyError(error).message,
        why: failureKindOf(toReplyError(error).code),
      });
    return { label: target.label, ok: false, message, unknown, retryable: mayPassNextTime(error) };
  }
}
