/**
 * Where requests waiting for the admin's answer are kept: storage.session (trusted contexts
 * only, gone when the browser closes), one record per request and one index of their IDs, so
 * finding the open ones never reads the rest of storage.session (plaintext tokens live there).
 */

import { ActionError } from '../../../core/background/errors';
import { keyWithId, STORED } from '../../../core/background/storage';
import browser from '../../../core/browser';
import { t } from '../../../shared/i18n';
import type { UserId, UserRef } from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import type { ActionSource } from '../../activity/model';
import type { KnownRefusal } from '../../members/model';
import type { Asker, ConfirmationOutcome } from '../messages';

const INDEX_KEY = STORED.confirmIndex.key;
const keyOf = (id: string) => keyWithId(STORED.confirmation, id);

export interface Target {
  ref: UserRef;
  label: string;
  userId?: UserId;
  /** Found in the request's org when it was named. */
  resolved?: boolean;
  /** Known before sending that Slack would refuse it (or that it is the admin): not sent. */
  refusal?: KnownRefusal;
  /** Set just before its reset is sent. */
  sent?: boolean;
  /** Its reset's Activity entry, once Slack confirmed it. */
  activityId?: string;
}

export interface PendingConfirmation {
  id: string;
  source: ActionSource;
  /** Unset while the page's org is not known: the admin picks one in the window. */
  tokenId?: string;
  org: string;
  /** The page's host when its org was not known, and the saved orgs the admin may pick from. */
  unknownHost?: string;
  candidates?: { tokenId: string; team: string }[];
  /** Remember the host for the picked org once confirmed. */
  rememberHost?: boolean;
  targets: Target[];
  scope: DeviceScope;
  asker: Asker;
  /** The admin-page tab to tell about progress, for page buttons. */
  tabId?: number;
  /** The page that asked, in that tab: a page the tab moved on to is told nothing. */
  documentId?: string;
  windowId?: number;
  reason?: string;
  /** The admin ticked that their own account is to be signed out too. */
  includeSelf?: boolean;
  outcomes?: ConfirmationOutcome[];
  /** Targets (by index) the admin asked to try again after they failed. */
  retrying?: number[];
  /** Every reset answered, checked and told: a stopped worker resumes until then. */
  finished?: boolean;
}

async function index(): Promise<string[]> {
  const found = (await browser.storage.session.get(INDEX_KEY))[INDEX_KEY];
  return Array.isArray(found) ? found.filter((id): id is string => typeof id === 'string') : [];
}

// Index updates run one at a time: two requests parked at once must both be listed.
let indexQueue: Promise<unknown> = Promise.resolve();
function updateIndex(change: (ids: string[]) => string[]): Promise<void> {
  const run = indexQueue.then(async () => {
    await browser.storage.session.set({ [INDEX_KEY]: change(await index()) });
  });
  indexQueue = run.catch(() => undefined);
  return run;
}

export async function load(id: string): Promise<PendingConfirmation> {
  const found = (await browser.storage.session.get(keyOf(id)))[keyOf(id)] as
    | PendingConfirmation
    | undefined;
  if (!found) {
    throw new ActionError('confirmation_gone', t('confirm_gone'));
  }
  return found;
}

export async function save(pending: PendingConfirmation): Promise<void> {
  await browser.storage.session.set({ [keyOf(pending.id)]: pending });
  await updateIndex((ids) => (ids.includes(pending.id) ? ids : [...ids, pending.id]));
}

/** A finished or cancelled request is forgotten: its record and its place in the index. */
export async function forget(id: string): Promise<void> {
  await browser.storage.session.remove(keyOf(id));
  await updateIndex((ids) => ids.filter((known) => known !== id));
}

/** Every request still kept, answered or not. */
export async function allKept(): Promise<PendingConfirmation[]> {
  const ids = await index();
  if (ids.length === 0) return [];
  const records = await browser.storage.session.get(ids.map(keyOf));
  return ids
    .map((id) => records[keyOf(id)] as PendingConfirmation | undefined)
    .filter((p): p is PendingConfirmation => p !== undefined);
}

/** Every request still waiting for the admin's answer. */
export async function unanswered(): Promise<PendingConfirmation[]> {
  return (await allKept()).filter((p) => !p.outcomes);
}
