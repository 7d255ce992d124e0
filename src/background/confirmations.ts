/**
 * Confirmation of actions started outside the extension's own UI (an admin-page button, the
 * context menu). The request is parked in storage.session, an extension window shows it, and
 * only an answer from that window — which no web page can script — makes anything happen.
 */
import browser from '../shared/browser';
import { memberLabel } from '../shared/format';
import { describeUserRef, type UserId, type UserRef } from '../shared/ids';
import type { ActionSource, ConfirmationView, NoticeMessage } from '../shared/messages';
import type { DeviceScope } from '../shared/scope';
import type { TokenSummary } from '../shared/tokens';
import { ActionError, toReplyError } from './errors';
import { resolveMember } from './members';
import { notifyOutcomes } from './notifications';
import { resetMember } from './session-actions';
import { type OrgAccess, orgAccess } from './slack-access';

const PREFIX = 'confirm.';
export const CONFIRM_PAGE = 'src/confirm/index.html';

interface Target {
  ref: UserRef;
  label: string;
  userId?: UserId;
  /** Set just before its reset is sent. */
  sent?: boolean;
}

const UNKNOWN_OUTCOME =
  'The extension was restarted while this reset was being sent, so it may or may not have happened. Check the member’s sessions before trying again.';

interface PendingConfirmation {
  id: string;
  source: ActionSource;
  tokenId: string;
  org: string;
  targets: Target[];
  scope: DeviceScope;
  /** The admin-page tab to tell about progress, for page buttons. */
  tabId?: number;
  windowId?: number;
  reason?: string;
  outcomes?: { label: string; ok: boolean; message: string }[];
}

async function load(id: string): Promise<PendingConfirmation> {
  const key = PREFIX + id;
  const found = (await browser.storage.session.get(key))[key] as PendingConfirmation | undefined;
  if (!found) {
    throw new ActionError(
      'confirmation_gone',
      'This request is no longer waiting for an answer. Start it again.',
    );
  }
  return found;
}

/** Every request still waiting for the admin's answer. */
async function unanswered(): Promise<PendingConfirmation[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(PREFIX) && !(value as PendingConfirmation).outcomes)
    .map(([, value]) => value as PendingConfirmation);
}

function save(pending: PendingConfirmation): Promise<void> {
  return browser.storage.session.set({ [PREFIX + pending.id]: pending });
}

function view(pending: PendingConfirmation): ConfirmationView {
  return {
    id: pending.id,
    source: pending.source,
    org: pending.org,
    tokenId: pending.tokenId,
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
  org: TokenSummary;
  tabId?: number;
}

function park(request: ResetRequest): PendingConfirmation {
  return {
    id: crypto.randomUUID(),
    source: request.source,
    tokenId: request.org.id,
    org: request.org.team,
    scope: request.scope,
    tabId: request.tabId,
    targets: request.refs.map((ref) => ({
      ref,
      label: describeUserRef(ref),
      userId: ref.kind === 'id' ? ref.userId : undefined,
    })),
  };
}

/** Parks the request and opens the extension's confirmation window for it. */
export async function openConfirmation(request: ResetRequest): Promise<string> {
  if (request.tabId !== undefined) await refuseIfAlreadyAsking(request.tabId);
  const pending = park(request);
  await save(pending);
  const url = `${browser.runtime.getURL(CONFIRM_PAGE)}?id=${encodeURIComponent(pending.id)}`;
  const height = Math.min(640, 360 + 28 * pending.targets.length);
  const created = await browser.windows.create({
    url,
    type: 'popup',
    width: 460,
    height,
    focused: true,
  });
  pending.windowId = created.id;
  await save(pending);
  return pending.id;
}

/**
 * One open question per admin page: a page (or a compromised renderer speaking as its content
 * script) cannot bury the admin in confirmation windows.
 */
async function refuseIfAlreadyAsking(tabId: number): Promise<void> {
  for (const pending of await unanswered()) {
    if (pending.tabId !== tabId || pending.windowId === undefined) continue;
    const open = await browser.windows.get(pending.windowId).then(
      () => true,
      () => false,
    );
    if (!open) continue;
    await browser.windows.update(pending.windowId, { focused: true });
    throw new ActionError(
      'already_asking',
      'A confirmation for this page is already open. Answer it first.',
    );
  }
}

/** For an admin who turned confirmation off: the same path, answered at once. */
export async function resetWithoutConfirmation(request: ResetRequest): Promise<ConfirmationView> {
  const pending = park(request);
  await save(pending);
  return answerConfirmation(pending.id, { confirmed: true, scope: request.scope });
}

/** The view for the confirmation page, with members named (and e-mails resolved) on first load. */
export async function getConfirmation(id: string): Promise<ConfirmationView> {
  const pending = await load(id);
  if (!pending.outcomes && pending.targets.some((t) => t.label === describeUserRef(t.ref))) {
    const access = await orgAccess(pending.tokenId);
    for (const target of pending.targets) {
      try {
        const member = await resolveMember(access.client, access.org.teamId, target.ref);
        target.userId = member.userId;
        target.label =
          member.email && target.ref.kind === 'email'
            ? `${memberLabel(member)} <${member.email}>`
            : memberLabel(member);
      } catch (error) {
        target.label = `${describeUserRef(target.ref)} — ${toReplyError(error).message}`;
      }
    }
    await save(pending);
  }
  return view(pending);
}

function notifyTab(pending: PendingConfirmation, notice: NoticeMessage<'bg/reset/progress'>): void {
  if (pending.tabId === undefined) return;
  // The tab may have navigated away or closed: nothing to tell then.
  browser.tabs.sendMessage(pending.tabId, notice).catch(() => undefined);
}

/** Runs the answered request. Returns the outcomes; each is also in Activity. */
export async function answerConfirmation(
  id: string,
  answer: { confirmed: boolean; scope: DeviceScope; reason?: string },
): Promise<ConfirmationView> {
  const pending = await load(id);
  const finished = pending.outcomes?.length === pending.targets.length;
  if (finished || (pending.outcomes && !answer.confirmed)) return view(pending);
  if (!answer.confirmed) {
    await browser.storage.session.remove(PREFIX + id);
    for (const target of pending.targets) {
      if (target.userId) {
        notifyTab(pending, {
          type: 'bg/reset/progress',
          userId: target.userId,
          state: 'cancelled',
          message: 'Cancelled.',
        });
      }
    }
    return { ...view(pending), outcomes: [], cancelled: true };
  }
  // Fails (locked, forgotten…) before anything is marked, so the same request can be retried.
  const access = await orgAccess(pending.tokenId);
  if (!pending.outcomes) {
    pending.scope = answer.scope;
    pending.reason = answer.reason;
    pending.outcomes = [];
    await save(pending);
  }
  // Resumes where a stopped worker left off; each target is marked before its request, so
  // none is ever sent twice.
  for (const target of pending.targets.slice(pending.outcomes.length)) {
    if (target.sent) {
      pending.outcomes.push({ label: target.label, ok: false, message: UNKNOWN_OUTCOME });
    } else {
      target.sent = true;
      await save(pending);
      pending.outcomes.push(await resetTarget(pending, access, target, pending.reason));
    }
    await save(pending);
  }
  if (pending.source === 'context-menu') await notifyOutcomes(pending.outcomes);
  return view(pending);
}

async function resetTarget(
  pending: PendingConfirmation,
  access: OrgAccess,
  target: Target,
  reason: string | undefined,
): Promise<{ label: string; ok: boolean; message: string }> {
  try {
    const userId =
      target.userId ?? (await resolveMember(access.client, access.org.teamId, target.ref)).userId;
    target.userId = userId;
    notifyTab(pending, {
      type: 'bg/reset/progress',
      userId,
      state: 'working',
      message: 'Resetting…',
    });
    const member = await resetMember(access, userId, pending.scope, pending.source, reason);
    const message = `Signed ${memberLabel(member)} out (${scopeWords(pending.scope)}).`;
    notifyTab(pending, { type: 'bg/reset/progress', userId, state: 'done', message });
    return { label: target.label, ok: true, message };
  } catch (error) {
    const message = toReplyError(error).message;
    if (target.userId)
      notifyTab(pending, {
        type: 'bg/reset/progress',
        userId: target.userId,
        state: 'failed',
        message,
      });
    return { label: target.label, ok: false, message };
  }
}

function scopeWords(scope: DeviceScope): string {
  return scope === 'all' ? 'all devices' : scope === 'web' ? 'web only' : 'mobile only';
}

/** A confirmation window closed without an answer counts as Cancel. */
export async function cancelConfirmationsOfWindow(windowId: number): Promise<void> {
  for (const pending of await unanswered()) {
    if (pending.windowId === windowId) {
      await answerConfirmation(pending.id, { confirmed: false, scope: pending.scope });
    }
  }
}
