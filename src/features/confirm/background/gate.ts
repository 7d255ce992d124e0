/**
 * How many confirmation windows may be asked for, and when. A page (or a compromised renderer
 * speaking as its content script) must not bury the admin in windows, nor race a second one
 * open: each admin-page tab gets one at a time, all of them together at most two, and a page
 * whose request was just cancelled waits a little before it may ask again.
 *
 * The slots are taken synchronously, before anything is awaited, so simultaneous requests
 * cannot all pass the check; requests kept from before a worker restart are checked after.
 */

import { ActionError } from '../../../core/background/errors';
import browser from '../../../core/browser';
import { t } from '../../../shared/i18n';
import { unanswered } from './store';

export const MAX_OPEN_CONFIRMATIONS = 2;
export const CANCEL_BACKOFF_MS = 3_000;

/** Requests whose window is open or being opened, by confirmation ID: their tab, if a page's. */
const claimed = new Map<string, number | undefined>();
/** When a page's request was last cancelled, by the page's origin: a new tab waits too. */
const cancelledAt = new Map<string, number>();

const alreadyAsking = () => new ActionError('already_asking', t('confirm_alreadyAsking'));
const tooMany = () =>
  new ActionError('too_many_confirmations', t('confirm_tooMany', MAX_OPEN_CONFIRMATIONS));
const tooSoon = () => new ActionError('asked_too_soon', t('confirm_tooSoon'));

/** Where a request comes from: an admin page's tab and origin, or neither (the context menu). */
export interface Asking {
  tabId?: number;
  origin?: string;
}

/** Takes a slot for `id`, or throws a sentence saying why not. Synchronous on purpose. */
export function claimSlot(id: string, from: Asking, now = Date.now()): void {
  const { tabId, origin } = from;
  if (origin !== undefined) {
    const cancelled = cancelledAt.get(origin);
    if (cancelled !== undefined && now - cancelled < CANCEL_BACKOFF_MS) throw tooSoon();
  }
  if (tabId !== undefined) {
    for (const tab of claimed.values()) if (tab === tabId) throw alreadyAsking();
  }
  if (claimed.size >= MAX_OPEN_CONFIRMATIONS) throw tooMany();
  claimed.set(id, tabId);
}

/**
 * The same rules against requests kept in storage whose window is still open (a worker that
 * restarted has lost its slots, not its windows). Releases the slot when it throws.
 */
export async function checkKeptWindows(id: string, tabId: number | undefined): Promise<void> {
  const open = new Set<string>([...claimed.keys()].filter((other) => other !== id));
  let sameTab = false;
  for (const pending of await unanswered()) {
    if (pending.id === id || pending.windowId === undefined) continue;
    if (!(await windowExists(pending.windowId))) continue;
    open.add(pending.id);
    if (tabId !== undefined && pending.tabId === tabId) sameTab = true;
  }
  if (sameTab) {
    // Not brought to the front: a page must not choose when the window comes up under the
    // admin's typing. The admin finds it where it is.
    releaseSlot(id);
    throw alreadyAsking();
  }
  if (open.size >= MAX_OPEN_CONFIRMATIONS) {
    releaseSlot(id);
    throw tooMany();
  }
}

export function releaseSlot(id: string): void {
  claimed.delete(id);
}

/** A page's request was cancelled: its origin waits CANCEL_BACKOFF_MS before asking again. */
export function noteCancelled(origin: string | undefined, now = Date.now()): void {
  if (origin !== undefined) cancelledAt.set(origin, now);
}

export function windowExists(windowId: number): Promise<boolean> {
  return browser.windows.get(windowId).then(
    () => true,
    () => false,
  );
}
