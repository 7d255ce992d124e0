/**
 * Confirmation of actions started outside the extension's own UI (an admin-page button, the
 * context menu). The request is parked in storage.session, an extension window shows it, and
 * only an answer from that window — which no web page can script — makes anything happen.
 */

import { ActionError } from '../../../core/background/errors';
import { orgAccess } from '../../../core/background/slack-access';
import browser from '../../../core/browser';
import { t } from '../../../shared/i18n';
import { describeUserRef } from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import type { TokenSummary } from '../../tokens/model';
import type { ConfirmationView } from '../messages';
import { carryOut } from './carry-out';
import { checkKeptWindows, claimSlot, noteCancelled, releaseSlot } from './gate';
import { nameTargets } from './naming';
import type { PageOrg } from './page-org';
import { tellPage } from './progress';
import { askingOf, isRememberable, park, type ResetRequest, view } from './requests';
import { allKept, forget, load, type PendingConfirmation, save } from './store';

export const CONFIRM_PAGE = 'src/confirm/index.html';

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
  // Named first, so a member Slack is known to refuse is not sent even without the question.
  if (pending.tokenId) await nameTargets(pending, await orgAccess(pending.tokenId));
  await save(pending);
  const answered = await answerConfirmation(pending.id, { confirmed: true, scope: request.scope });
  await forget(pending.id);
  return answered;
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
    throw new ActionError('invalid_input', t('confirm_orgNotChoosable'));
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

async function cancel(pending: PendingConfirmation): Promise<ConfirmationView> {
  await forget(pending.id);
  releaseSlot(pending.id);
  noteCancelled(askingOf(pending).origin);
  for (const target of pending.targets) {
    if (target.userId) {
      tellPage(pending, {
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
  answer: { confirmed: boolean; scope: DeviceScope; reason?: string; includeSelf?: boolean },
): Promise<ConfirmationView> {
  if (!answer.confirmed) {
    const pending = await load(id);
    if (answering.has(id) || pending.outcomes) return view(pending);
    return cancel(pending);
  }
  return inTurn(id, () => carryOut(id, answer));
}

/**
 * Runs `work` as the one carrying out this request in this worker; the turn is taken before
 * anything is awaited, so a second press meanwhile only gets the view.
 */
async function inTurn(id: string, work: () => Promise<ConfirmationView>) {
  if (answering.has(id)) return view(await load(id));
  answering.add(id);
  try {
    return await work();
  } finally {
    answering.delete(id);
  }
}

/**
 * Retry failed, pressed in the window after every reset was answered: the resets that failed
 * for a reason that may pass are sent again (each marked before it goes, like the first time).
 */
export function retryFailed(id: string): Promise<ConfirmationView> {
  return inTurn(id, async () => {
    const pending = await load(id);
    const again = (pending.outcomes ?? []).flatMap((o, i) => (o.retryable ? [i] : []));
    if (!pending.finished || again.length === 0) {
      throw new ActionError('nothing_to_retry', t('confirm_nothingToRetry'));
    }
    // A locked or forgotten token fails here, before anything is marked: after Unlock the
    // same Retry failed finds the window as it was and can be pressed again.
    if (pending.tokenId) await orgAccess(pending.tokenId);
    for (const i of again) {
      const target = pending.targets[i];
      if (target) target.sent = false;
    }
    pending.retrying = again;
    pending.finished = false;
    await save(pending);
    return carryOut(id, { scope: pending.scope, reason: pending.reason });
  });
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
