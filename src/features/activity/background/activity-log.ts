/**
 * The activity log: every action on a member, kept in the extension's IndexedDB, bounded.
 * An action is recorded as attempted before its request is sent and completed after, so a
 * worker stopped in between leaves an entry that says the outcome is unknown, never none.
 */

import {
  ACTIVITY_BY_OUTCOME,
  inTransaction,
  inTransactionOver,
  requestToPromise,
  STORE_ACTIVITY,
} from '../../../core/background/idb';
import { notifyPages } from '../../../protocol/background';
import {
  type ActivityEntry,
  type ActivityFilter,
  matchesFilter,
  UNKNOWN_OUTCOME_MESSAGE,
} from '../model';

/** The newest are always kept; the oldest go first past this many. */
export const ACTIVITY_LIMIT = 10_000;

/** `noted`: a check's sentence was added (once, see noteOnEntry). */
type StoredEntry = ActivityEntry & { seq?: number; noted?: boolean };

/** An entry recorded as attempted, to be completed with its outcome. */
export interface AttemptRecord {
  entry: ActivityEntry;
  seq: number;
}

/** When this worker started: "attempted" entries older than that were left by a stopped one. */
const workerStartedAt = new Date().toISOString();
let swept: Promise<void> | undefined;

/** Entries a stopped worker left attempted are marked unknown, once per worker start. */
function sweepAbandoned(): Promise<void> {
  swept ??= inTransaction(STORE_ACTIVITY, 'readwrite', (store) => {
    return new Promise<void>((resolve, reject) => {
      const cursor = store.index(ACTIVITY_BY_OUTCOME).openCursor(IDBKeyRange.only('attempted'));
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve();
        const entry = at.value as StoredEntry;
        if (entry.at < workerStartedAt)
          at.update({ ...entry, outcome: 'unknown', message: UNKNOWN_OUTCOME_MESSAGE });
        at.continue();
      };
    });
  }).catch((error) => {
    swept = undefined;
    throw error;
  });
  return swept;
}

function announce(entryId: string): void {
  notifyPages('bg-to-pages/activity/added', { entryId });
}

/** Records an action about to be sent. */
export async function recordAttempt(
  entry: Omit<ActivityEntry, 'id' | 'at' | 'outcome'>,
): Promise<AttemptRecord> {
  await sweepAbandoned();
  const full: ActivityEntry = {
    ...entry,
    outcome: 'attempted',
    id: crypto.randomUUID(),
    at: new Date().toISOString(),
  };
  const seq = await inTransaction(STORE_ACTIVITY, 'readwrite', async (store) => {
    const key = (await requestToPromise(store.add(full))) as number;
    const count = await requestToPromise(store.count());
    if (count > ACTIVITY_LIMIT) await dropOldest(store, count - ACTIVITY_LIMIT);
    return key;
  });
  announce(full.id);
  return { entry: full, seq };
}

/**
 * Records many actions about to be sent, in one transaction (a bulk job's chunk); one given an
 * outcome is recorded with it (a member that failed before anything was sent). `alongside`
 * writes to another store in that same transaction once the entries' keys are known (the job
 * that keeps them): a stop then leaves both or neither, never an entry nobody knows of.
 */
export async function recordAttempts(
  entries: (Omit<ActivityEntry, 'id' | 'at' | 'outcome'> &
    Partial<Pick<ActivityEntry, 'outcome'>>)[],
  alongside?: { store: string; write: (store: IDBObjectStore, seqs: number[]) => Promise<unknown> },
): Promise<number[]> {
  if (entries.length === 0) return [];
  await sweepAbandoned();
  const at = new Date().toISOString();
  const full: ActivityEntry[] = entries.map((entry) => ({
    outcome: 'attempted',
    ...entry,
    id: crypto.randomUUID(),
    at,
  }));
  const stores = alongside ? [STORE_ACTIVITY, alongside.store] : [STORE_ACTIVITY];
  const seqs = await inTransactionOver(stores, 'readwrite', async (transaction) => {
    const store = transaction.objectStore(STORE_ACTIVITY);
    const keys = await Promise.all(
      full.map((entry) => requestToPromise(store.add(entry)) as Promise<number>),
    );
    const count = await requestToPromise(store.count());
    if (count > ACTIVITY_LIMIT) await dropOldest(store, count - ACTIVITY_LIMIT);
    if (alongside) await alongside.write(transaction.objectStore(alongside.store), keys);
    return keys;
  });
  announce(full.at(-1)!.id);
  return seqs;
}

/**
 * Completes entries recorded by `recordAttempts`, by their keys, in one transaction. An entry
 * dropped meanwhile (past the log's bound) has nothing to complete.
 */
export async function completeAttemptsBySeq(
  updates: { seq: number; outcome: Partial<ActivityEntry> & Pick<ActivityEntry, 'outcome'> }[],
): Promise<void> {
  if (updates.length === 0) return;
  const completed = await inTransaction(STORE_ACTIVITY, 'readwrite', async (store) => {
    const found = await Promise.all(
      updates.map(async ({ seq, outcome }) => {
        const entry = (await requestToPromise(store.get(seq))) as StoredEntry | undefined;
        if (entry) await requestToPromise(store.put({ ...entry, ...outcome }));
        return entry?.id;
      }),
    );
    return found.filter((id) => id !== undefined);
  });
  if (completed.length > 0) announce(completed.at(-1)!);
}

/** Completes an attempted entry with what Slack answered (and the member's name, now known). */
export async function completeAttempt(
  attempt: AttemptRecord,
  outcome: Partial<ActivityEntry> & Pick<ActivityEntry, 'outcome'>,
): Promise<ActivityEntry> {
  const full: StoredEntry = { ...attempt.entry, ...outcome, seq: attempt.seq };
  await inTransaction(STORE_ACTIVITY, 'readwrite', (store) => requestToPromise(store.put(full)));
  announce(full.id);
  const { seq: _seq, ...entry } = full;
  return entry;
}

/** How far back an entry to note on is looked for: it was made moments ago. */
const NOTE_LOOKBACK = 200;

/**
 * Adds a sentence to a recent entry's message (what a check after the action found), once, if
 * it is the entry `accept` expects; anything else is left alone.
 */
export async function noteOnEntry(
  entryId: string,
  accept: (entry: ActivityEntry) => boolean,
  note: string,
): Promise<boolean> {
  const noted = await inTransaction(STORE_ACTIVITY, 'readwrite', (store) => {
    return new Promise<StoredEntry | undefined>((resolve, reject) => {
      let looked = 0;
      const cursor = store.openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || looked++ >= NOTE_LOOKBACK) return resolve(undefined);
        const entry = at.value as StoredEntry;
        if (entry.id !== entryId) return at.continue();
        if (entry.noted || !accept(entry)) return resolve(undefined);
        const message = [entry.message, note].filter(Boolean).join(' ');
        const updated: StoredEntry = { ...entry, message, noted: true };
        at.update(updated);
        resolve(updated);
      };
    });
  });
  if (noted) announce(noted.id);
  return noted !== undefined;
}

function dropOldest(store: IDBObjectStore, howMany: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = howMany;
    const cursor = store.openCursor();
    cursor.onerror = () => reject(cursor.error);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at || left === 0) return resolve();
      at.delete();
      left--;
      at.continue();
    };
  });
}

/** Newest first. */
export async function listActivity(
  filter?: ActivityFilter,
  limit = ACTIVITY_LIMIT,
): Promise<ActivityEntry[]> {
  await sweepAbandoned();
  return inTransaction(STORE_ACTIVITY, 'readonly', (store) => {
    return new Promise<ActivityEntry[]>((resolve, reject) => {
      const entries: ActivityEntry[] = [];
      const cursor = store.openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || entries.length >= limit) return resolve(entries);
        const { seq: _seq, noted: _noted, ...entry } = at.value as StoredEntry;
        if (matchesFilter(entry, filter)) entries.push(entry);
        at.continue();
      };
    });
  });
}
