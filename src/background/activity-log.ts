/** The activity log: every action on a member, kept in the extension's IndexedDB, bounded. */

import { type ActivityEntry, type ActivityFilter, matchesFilter } from '../shared/activity';
import browser from '../shared/browser';
import type { NoticeMessage } from '../shared/messages';
import { inTransaction, requestToPromise, STORE_ACTIVITY } from './idb';

/** The newest are always kept; the oldest go first past this many. */
export const ACTIVITY_LIMIT = 10_000;

type StoredEntry = ActivityEntry & { seq?: number };

export async function recordActivity(
  entry: Omit<ActivityEntry, 'id' | 'at'>,
): Promise<ActivityEntry> {
  const full: ActivityEntry = { ...entry, id: crypto.randomUUID(), at: new Date().toISOString() };
  await inTransaction(STORE_ACTIVITY, 'readwrite', async (store) => {
    await requestToPromise(store.add(full));
    const count = await requestToPromise(store.count());
    if (count > ACTIVITY_LIMIT) await dropOldest(store, count - ACTIVITY_LIMIT);
  });
  const notice: NoticeMessage<'bg/activity/added'> = {
    type: 'bg/activity/added',
    entryId: full.id,
  };
  // Rejects when no extension page is open to hear it; that is fine.
  browser.runtime.sendMessage(notice).catch(() => undefined);
  return full;
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
  return inTransaction(STORE_ACTIVITY, 'readonly', (store) => {
    return new Promise<ActivityEntry[]>((resolve, reject) => {
      const entries: ActivityEntry[] = [];
      const cursor = store.openCursor(null, 'prev');
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || entries.length >= limit) return resolve(entries);
        const { seq: _seq, ...entry } = at.value as StoredEntry;
        if (matchesFilter(entry, filter)) entries.push(entry);
        at.continue();
      };
    });
  });
}
