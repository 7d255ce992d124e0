/**
 * Confirmation of actions started outside the extension's own UI (an admin-page button, the
 * context menu). The request is parked in storage.session, an extension window shows it, and
 * only an answer from that window — which no web page can script — makes anything happen.
 */

import { ActionError, toReplyError } from '../../../core/background/errors';
import { type OrgAccess, orgAccess } from '../../../core/background/slack-access';
import { rememberPageHost } from '../../../core/background/vault/vault';
import browser from '../../../core/browser';
import { type NoticesToContent, toContent } from '../../../protocol';
import { describeUserRef, type UserRef } from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import type { ActionSource } from '../../activity/model';
import { UNKNOWN_OUTCOME_MESSAGE } from '../../activity/model';
import { notifyOutcomes } from '../../context-menu/background/notifications';
import { resolveMember } from '../../members/background/members';
import { memberLabel } from '../../members/model';
import { resetMember } from '../../sessions/background/session-actions';
import type { TokenSummary } from '../../tokens/model';
import type { Asker, ConfirmationOutcome, ConfirmationView } from '../messages';
import { checkKeptWindows, claimSlot, noteCancelled, releaseSlot, windowExists } from './gate';
import type { PageOrg } from './page-org';
import { allKept, forget, load, type PendingConfirmation, save, type Target } from './store';

export const CONFIRM_PAGE = 'src/confirm/index.html';

/** app.slack.com serves every org: only a workspace's or an org's own host can stand for one. */
function isRememberable(host: string): boolean {
  return host !== 'app.slack.com' && host !== 'app.slack-gov.com';
}

function view(pending: PendingConfirmation): ConfirmationView {
  return {
    id: pending.id,
    source: pending.source,
    org: pending.org,
    tokenId: pending.tokenId,
    orgChoice:
      pending.unknownHost !== undefined
        ? {
            host: pending.unknownHost,
            orgs: pending.candidates ?? [],
            rememberable: isRememberable(pending.unknownHost),
          }
        : undefined,
    asker: pending.asker,
    scope: pending.scope,
    targets: pending.targets.map((t) => ({
      label: t.label,
      userId: t.userId,
      email: t.ref.kind === 'email' ? t.ref.email : undefined,
    })),
    outcomes: pending.outcomes,
  };
}

export interface ResetRequest {
  source: ActionSource;
  refs: UserRef[];
  scope: DeviceScope;
  /** The org to act with, or — for a page whose org is not known — the orgs to choose from. */
  org: PageOrg;
  asker: Asker;
  tabId?: number;
}

function park(request: ResetRequest): PendingConfirmation {
  const { org } = request;
  return {
    id: crypto.randomUUID(),
    source: request.source,
    tokenId: org.known ? org.org.id : undefined,
    org: org.known ? org.org.team : '',
    unknownHost: org.known ? undefined : org.host,
    candidates: org.known
      ? undefined
      : org.candidates.map((t) => ({ tokenId: t.id, team: t.team })),
    scope: request.scope,
    asker: request.asker,
    tabId: request.tabId,
    targets: request.refs.map((ref) => ({
      ref,
      label: describeUserRef(ref),
      userId: ref.kind === 'id' ? ref.userId : undefined,
    })),
  };
}

/** A page's tab and origin, for the window limits; the context menu has neither. */
function askingOf(pending: PendingConfirmation): { tabId?: number; origin?: string } {
  return pending.source === 'page'
    ? { tabId: pending.tabId, origin: pending.asker.origin }
    : { tabId: pending.tabId };
}

/** The org a known request acts with. */
export function knownOrg(org: TokenSummary): PageOrg {
  return { known: true, org };
}

/**
 * Parks the request and opens the extension's confirmation window for it. The window slot is
 * taken before anything is awaited, so simultaneous requests from one page open one window.
 */
export async function openConfirmation(request: ResetRequest): Promise<string> {
  const pending = park(request);
  claimSlot(pending.id, askingOf(pending));
  try {
    await checkKeptWindows(pending.id, request.tabId);
    await save(pending);
    const url = `${browser.runtime.getURL(CONFIRM_PAGE)}?id=${encodeURIComponent(pending.id)}`;
    const height = Math.min(680, 400 + 28 * pending.targets.length);
    const created = await browser.windows.create({
      url,
      type: 'popup',
      width: 480,
      height,
      focused: true,
    });
    pending.windowId = created.id;
    await save(pending);
    return pending.id;
  } catch (error) {
    releaseSlot(pending.id);
    if (!pending.windowId) await forget(pending.id).catch(() => undefined);
    throw error;
  }
}

/** For an admin who turned confirmation off (one member, from a Slack page): answered at once. */
export async function resetWithoutConfirmation(request: ResetRequest): Promise<ConfirmationView> {
  const pending = park(request);
  await save(pending);
  const answered = await answerConfirmation(pending.id, { confirmed: true, scope: request.scope });
  await forget(pending.id);
  return answered;
}

async function nameTargets(pending: PendingConfirmation, access: OrgAccess): Promise<void> {
  for (const target of pending.targets) {
    try {
      const member = await resolveMember(access.client, access.org.teamId, target.ref);
      target.userId = member.userId;
      target.resolved = true;
      target.label =
        member.email && target.ref.kind === 'email'
          ? `${memberLabel(member)} <${member.email}>`
          : memberLabel(member);
    } catch (error) {
      target.label = `${describeUserRef(target.ref)} — ${toReplyError(error).message}`;
    }
  }
}

/** The view for the confirmation page, with members named (and e-mails resolved) on first load. */
export async function getConfirmation(id: string): Promise<ConfirmationView> {
  const pending = await load(id);
  const unnamed = pending.targets.some((t) => t.label === describeUserRef(t.ref));
  if (!pending.outcomes && pending.tokenId && unnamed) {
    await nameTargets(pending, await orgAccess(pending.tokenId));
    await save(pending);
  }
  return view(pending);
}

/** The admin said which saved org a page of unknown org belongs to. */
export async function chooseOrg(
  id: string,
  tokenId: string,
  remember: boolean,
): Promise<ConfirmationView> {
  const pending = await load(id);
  const choice = pending.candidates?.find((c) => c.tokenId === tokenId);
  if (pending.outcomes || pending.unknownHost === undefined || !choice) {
    throw new ActionError('invalid_input', 'That org cannot be chosen for this request.');
  }
  const access = await orgAccess(tokenId);
  pending.tokenId = tokenId;
  pending.org = choice.team;
  pending.rememberHost = remember && isRememberable(pending.unknownHost);
  for (const target of pending.targets) {
    target.label = describeUserRef(target.ref);
    target.resolved = false;
  }
  await nameTargets(pending, access);
  await save(pending);
  return view(pending);
}

/** Tells the page whose button asked how its member's reset is going. */
function notifyTab(
  pending: PendingConfirmation,
  progress: NoticesToContent['bg-to-content/reset/progress'],
): void {
  if (pending.tabId !== undefined)
    toContent.send(pending.tabId, 'bg-to-content/reset/progress', progress);
}

async function cancel(pending: PendingConfirmation): Promise<ConfirmationView> {
  await forget(pending.id);
  releaseSlot(pending.id);
  noteCancelled(askingOf(pending).origin);
  for (const target of pending.targets) {
    if (target.userId) {
      notifyTab(pending, {
        userId: target.userId,
        state: 'cancelled',
        message: 'Cancelled.',
      });
    }
  }
  return { ...view(pending), outcomes: [], cancelled: true };
}

/**
 * Requests a Confirm is being carried out for, in this worker: a Cancel or a closed window
 * arriving meanwhile must not forget the request while its resets go out.
 */
const answering = new Set<string>();

/** Runs the answered request. Returns the outcomes; each is also in Activity. */
export async function answerConfirmation(
  id: string,
  answer: { confirmed: boolean; scope: DeviceScope; reason?: string },
): Promise<ConfirmationView> {
  if (!answer.confirmed) {
    const pending = await load(id);
    if (answering.has(id) || pending.outcomes) return view(pending);
    return cancel(pending);
  }
  if (answering.has(id)) return view(await load(id));
  answering.add(id);
  try {
    return await carryOut(id, answer);
  } finally {
    answering.delete(id);
  }
}

async function carryOut(
  id: string,
  answer: { scope: DeviceScope; reason?: string },
): Promise<ConfirmationView> {
  const pending = await load(id);
  if (pending.outcomes?.length === pending.targets.length) return view(pending);
  if (!pending.tokenId) {
    throw new ActionError('choose_org', 'Choose the org this page belongs to first, or cancel.');
  }
  // Fails (locked, forgotten…) before anything is marked, so the same request can be retried.
  const access = await orgAccess(pending.tokenId);
  if (!pending.outcomes) {
    pending.scope = answer.scope;
    pending.reason = answer.reason;
    pending.outcomes = [];
    await save(pending);
  }
  releaseSlot(pending.id);
  // Resumes where a stopped worker left off; each target is marked before its request, so
  // none is ever sent twice.
  for (const target of pending.targets.slice(pending.outcomes.length)) {
    if (target.sent) {
      pending.outcomes.push({
        label: target.label,
        ok: false,
        unknown: true,
        message: `${target.label}: ${UNKNOWN_OUTCOME_MESSAGE}`,
      });
    } else {
      target.sent = true;
      await save(pending);
      pending.outcomes.push(await resetTarget(pending, access, target, pending.reason));
    }
    await save(pending);
  }
  // Remembered only once a member was found in the chosen org: a wrong pick is not kept.
  if (pending.rememberHost && pending.unknownHost && pending.targets.some((t) => t.resolved))
    await rememberPageHost(pending.tokenId, pending.unknownHost);
  if (pending.source === 'context-menu') await notifyOutcomes(pending.outcomes);
  // Closed while the resets ran: nothing will show the outcomes again (Activity has them).
  if (pending.windowId !== undefined && !(await windowExists(pending.windowId)))
    await forget(pending.id);
  return view(pending);
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
    notifyTab(pending, {
      userId,
      state: 'working',
      message: 'Resetting…',
    });
    const { message } = await resetMember(access, userId, pending.scope, pending.source, reason);
    notifyTab(pending, { userId, state: 'done', message });
    return { label: target.label, ok: true, message };
  } catch (error) {
    // Every failure names its member: a list of ten sentences must say whose each is.
    const message = `${target.label}: ${toReplyError(error).message}`;
    if (target.userId)
      notifyTab(pending, {
        userId: target.userId,
        state: 'failed',
        message: toReplyError(error).message,
      });
    return { label: target.label, ok: false, message };
  }
}

/**
 * A confirmation window closed: an unanswered request counts as Cancel, and a finished one
 * is forgotten (its outcomes are in Activity).
 */
export async function closeConfirmationsOfWindow(windowId: number): Promise<void> {
  for (const pending of await allKept()) {
    if (pending.windowId !== windowId || answering.has(pending.id)) continue;
    if (!pending.outcomes) await cancel(pending);
    else if (pending.outcomes.length === pending.targets.length) {
      releaseSlot(pending.id);
      await forget(pending.id);
    }
  }
}
