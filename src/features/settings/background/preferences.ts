/**
 * Preferences, kept in the extension's IndexedDB: nothing secret, but "confirm before
 * resetting" decides whether a right-click acts at once, so no page may be able to change it
 * (content scripts can write storage.local).
 */

import { inTransaction, requestToPromise, STORE_SETTINGS } from '../../../core/background/idb';
import { STORED } from '../../../core/background/storage';
import { normalisePreferences, type Preferences } from '../model';
import { withOrgPolicy } from '../org-policy';
import { getOrgPolicy } from './org-policy';

const KEY = STORED.preferences.key;

/** The preferences in force: the admin's own, with what the organization set winning. */
export async function getPreferences(): Promise<Preferences> {
  const stored = await inTransaction(STORE_SETTINGS, 'readonly', (store) =>
    requestToPromise(store.get(KEY)),
  );
  return withOrgPolicy(normalisePreferences(stored), await getOrgPolicy());
}

/** Keeps the admin's own choice; what comes back is what is in force. */
export async function setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const policy = await getOrgPolicy();
  // One transaction: two settings pages saving at once cannot undo each other.
  const own = await inTransaction(STORE_SETTINGS, 'readwrite', async (store) => {
    const next = normalisePreferences({
      ...normalisePreferences(await requestToPromise(store.get(KEY))),
      ...patch,
    });
    await requestToPromise(store.put(next, KEY));
    return next;
  });
  return withOrgPolicy(own, policy);
}
