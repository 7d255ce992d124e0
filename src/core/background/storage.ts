/**
 * Everything the extension stores, in one list: what each item holds, where it lives, which
 * capability owns it, and whether a content script could reach it. Code reads its keys from here, so a new
 * stored item is added here first — and its area is then a decision, not an accident.
 *
 * Content scripts share storage.local with the extension (a compromised Slack renderer could
 * read and write it); they cannot open the extension origin's IndexedDB, and storage.session
 * is limited to trusted contexts (Chrome's default, Firefox's only mode).
 */
export type StorageArea = 'indexeddb' | 'storage.session' | 'storage.local';

export const CONTENT_SCRIPT_REACHES: Record<StorageArea, boolean> = {
  indexeddb: false,
  'storage.session': false,
  'storage.local': true,
};

export interface StoredItem {
  area: StorageArea;
  /** The IndexedDB object store, for `indexeddb` items. */
  store?: string;
  /** The key; a key ending in `.` is a prefix followed by an ID. */
  key: string;
  owner: 'vault' | 'activity' | 'settings' | 'confirm' | 'bulk';
  /** A token, a key, or something that decides whether the admin is asked. */
  sensitive: boolean;
  /** Only ever read to move it elsewhere, then removed. */
  legacy?: true;
}

/** IndexedDB object stores (see `idb.ts` for the ordered schema migrations). */
export const STORE = {
  keys: 'keys',
  vault: 'vault',
  settings: 'settings',
  activity: 'activity',
  bulk: 'bulk',
} as const;

export const STORED = {
  /** The non-extractable AES key "keep on this device" tokens are encrypted under. */
  deviceKey: {
    area: 'indexeddb',
    store: STORE.keys,
    key: 'device-key-v1',
    owner: 'vault',
    sensitive: true,
  },
  /** Saved tokens (encrypted envelopes, never plaintext) and which org is active. */
  vaultRecords: {
    area: 'indexeddb',
    store: STORE.vault,
    key: 'records',
    owner: 'vault',
    sensitive: true,
  },
  /** That older versions’ records were moved out of storage.local, so it is not read again. */
  vaultMoved: {
    area: 'indexeddb',
    store: STORE.vault,
    key: 'moved-from-storage-local',
    owner: 'vault',
    sensitive: false,
  },
  /** A "forget when the browser closes" token, or an unlocked passphrase token, by token ID. */
  sessionSecret: {
    area: 'storage.session',
    key: 'vault.secret.',
    owner: 'vault',
    sensitive: true,
  },
  /** Where older versions kept token records: read once to move them, then removed. */
  legacyTokens: {
    area: 'storage.local',
    key: 'vault.tokens',
    owner: 'vault',
    sensitive: true,
    legacy: true,
  },
  /** Where older versions kept the active org: read once with the records, then removed. */
  legacyActiveId: {
    area: 'storage.local',
    key: 'vault.activeId',
    owner: 'vault',
    sensitive: false,
    legacy: true,
  },
  /** Preferences; "confirm before resetting" decides whether a right-click acts at once. */
  preferences: {
    area: 'indexeddb',
    store: STORE.settings,
    key: 'preferences',
    owner: 'settings',
    sensitive: true,
  },
  /** The activity log: who was reset or had a session ended, when, by whom, and how it went. */
  activity: {
    area: 'indexeddb',
    store: STORE.activity,
    key: '(auto-increment)',
    owner: 'activity',
    sensitive: false,
  },
  /** Bulk reset jobs: their members, each one's state and outcome, by job ID. */
  bulkJobs: {
    area: 'indexeddb',
    store: STORE.bulk,
    key: '(job ID)',
    owner: 'bulk',
    sensitive: false,
  },
  /** Members a right-click handed to the bulk page, by hand-over ID, until the page reads them. */
  bulkPrefill: {
    area: 'storage.session',
    key: 'bulk-prefill.',
    owner: 'bulk',
    sensitive: false,
  },
  /** A request waiting for (or carried out after) the admin’s answer, by request ID. */
  confirmation: {
    area: 'storage.session',
    key: 'confirm.',
    owner: 'confirm',
    sensitive: true,
  },
  /** The IDs of kept requests, so finding them never reads the rest of storage.session. */
  confirmIndex: {
    area: 'storage.session',
    key: 'confirm-index',
    owner: 'confirm',
    sensitive: false,
  },
} as const satisfies Record<string, StoredItem>;

/** The key of one item of a prefixed kind (`vault.secret.<token ID>`). */
export function keyWithId(item: { key: string }, id: string): string {
  return `${item.key}${id}`;
}
