/**
 * Where the vault keeps its records: the extension origin's IndexedDB, which no content
 * script (nor a renderer speaking as one) can read or write. Earlier versions kept them in
 * storage.local, which content scripts can reach; they are moved here once, on first use.
 */

import type { TokenSummary } from '../../../features/tokens/model';
import browser from '../../browser';
import { inTransaction, requestToPromise, STORE_VAULT } from '../idb';
import { STORED } from '../storage';
import type { Envelope } from './crypto';

/** What is kept per token: its summary's lasting part, and ciphertext at most. */
export type StoredToken = Omit<TokenSummary, 'active' | 'locked' | 'forgotten'> & {
  envelope?: Envelope;
};

export interface VaultRecords {
  tokens: StoredToken[];
  activeId?: string;
}

const RECORDS_KEY = STORED.vaultRecords.key;
/** Set once storage.local has been emptied of the old records: it is never read again after. */
const MOVED_KEY = STORED.vaultMoved.key;
export const LEGACY_TOKENS_KEY = STORED.legacyTokens.key;
export const LEGACY_ACTIVE_KEY = STORED.legacyActiveId.key;

export type LegacyUpgrade = (legacy: VaultRecords) => Promise<VaultRecords>;

let moving: Promise<void> | undefined;

/**
 * Moves records left in storage.local by an older version, once. `upgrade` re-seals what it
 * can and drops what does not check out (a content script could have written that area).
 */
export function moveLegacyRecords(upgrade: LegacyUpgrade): Promise<void> {
  moving ??= (async () => {
    const moved = await inTransaction(STORE_VAULT, 'readonly', (store) =>
      requestToPromise(store.get(MOVED_KEY)),
    );
    if (moved === true) return;
    const data = await browser.storage.local.get([LEGACY_TOKENS_KEY, LEGACY_ACTIVE_KEY]);
    const tokens = Array.isArray(data[LEGACY_TOKENS_KEY])
      ? (data[LEGACY_TOKENS_KEY] as StoredToken[])
      : [];
    const activeId =
      typeof data[LEGACY_ACTIVE_KEY] === 'string' ? (data[LEGACY_ACTIVE_KEY] as string) : undefined;
    const current = await readRecords();
    const upgraded = tokens.length > 0 ? await upgrade({ tokens, activeId }) : { tokens: [] };
    const kept = new Set(current.tokens.map((t) => t.id));
    await inTransaction(STORE_VAULT, 'readwrite', async (store) => {
      const merged: VaultRecords = {
        tokens: [...current.tokens, ...upgraded.tokens.filter((t) => !kept.has(t.id))],
        activeId: current.activeId ?? upgraded.activeId,
      };
      await requestToPromise(store.put(merged, RECORDS_KEY));
      await requestToPromise(store.put(true, MOVED_KEY));
    });
    await browser.storage.local.remove([LEGACY_TOKENS_KEY, LEGACY_ACTIVE_KEY]);
  })().catch((error) => {
    moving = undefined;
    throw error;
  });
  return moving;
}

/** A new install has nothing to move: storage.local is then never read for vault records. */
export async function nothingToMove(): Promise<void> {
  await inTransaction(STORE_VAULT, 'readwrite', (store) =>
    requestToPromise(store.put(true, MOVED_KEY)),
  );
}

export async function readRecords(): Promise<VaultRecords> {
  const found = (await inTransaction(STORE_VAULT, 'readonly', (store) =>
    requestToPromise(store.get(RECORDS_KEY)),
  )) as VaultRecords | undefined;
  const tokens = Array.isArray(found?.tokens) ? found.tokens : [];
  const activeId = typeof found?.activeId === 'string' ? found.activeId : undefined;
  return { tokens, activeId };
}

export async function writeRecords(records: VaultRecords): Promise<void> {
  await inTransaction(STORE_VAULT, 'readwrite', (store) =>
    requestToPromise(store.put(records, RECORDS_KEY)),
  );
}
