/**
 * Confirmation of actions started outside the extension's own UI (an admin-page button, the
 * context menu). The request is parked in storage.session, an extension window shows it, and
 * only an answer from that window — which no web page can script — makes anything happen.
 */
import browser from 'webextension-polyfill';
import { memberLabel } from '../shared/format';
import { describeUserRef, type UserId, type UserRef } from '../shared/ids';
import type { ActionSource, ConfirmationView, NoticeMessage } from '../shared/messages';
import type { DeviceScope } from '../shared/scope';
import { ActionError, toReplyError } from './errors';
import { resolveMember } from './members';
import { resetMember } from './session-actions';
import { type OrgAccess, orgAccess } from './slack-access';

const PREFIX = 'confirm.';
export const CONFIRM_PAGE = 'src/confirm/index.html';

interface Target {
  ref: UserRef;
  label: string;
  userId?: UserId;
}

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

export async function openConfirmation(request: {
  source: ActionSource;
  refs: UserRef[];
  scope: DeviceScope;
  access: OrgAccess;
  tabId?: number;
}): Promise<string> {
  const pending: PendingConfirmation = {
    id: crypto.randomUUID(),
    source: request.source,
    tokenId: request.access.org.id,
    org: request.access.org.team,
    scope: request.scope,
    tabId: request.tabId,
    targets: request.refs.map((ref) => ({
      ref,
      label: describeUserRef(ref),
      userId: ref.kind === 'id' ? ref.userId : undefined,
    })),
  };
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
  if (pending.outcomes) return view(pending);
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
    return { ...view(pending), outcomes: [] };
  }
  // Mark it answered first, so a second click or a restarted worker never resets twice.
  pending.scope = answer.scope;
  pending.outcomes = [];
  await save(pending);
  const access = await orgAccess(pending.tokenId);
  for (const target of pending.targets) {
    pending.outcomes.push(await resetTarget(pending, access, target, answer.reason));
    await save(pending);
  }
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
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    const pending = value as PendingConfirmation;
    if (key.startsWith(PREFIX) && pending.windowId === windowId && !pending.outcomes) {
      await answerConfirmation(pending.id, { confirmed: false, scope: pending.scope });
    }
  }
}
