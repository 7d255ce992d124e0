/** Preferences in storage.local: nothing secret, read by the background and the UIs through it. */
import browser from '../shared/browser';
import { normalisePreferences, type Preferences } from '../shared/settings';

const KEY = 'preferences';

export async function getPreferences(): Promise<Preferences> {
  return normalisePreferences((await browser.storage.local.get(KEY))[KEY]);
}

export async function setPreferences(patch: Partial<Preferences>): Promise<Preferences> {
  const next = normalisePreferences({ ...(await getPreferences()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
