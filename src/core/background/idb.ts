/**
 * A tiny promise wrapper over the extension origin's IndexedDB. It holds what content
 * scripts must neither read nor write (storage.local is open to a compromised renderer; this
 * is not): the device key, the token vault's records, the activity log, and the preferences
 * that decide whether to ask. What lives where is listed in `storage.ts`.
 */
import { STORE } from './storage';

const DB_NAME = 'session-admin';
export const STORE_KEYS = STORE.keys;
export const STORE_ACTIVITY = STORE.activity;
export const STORE_SETTINGS = STORE.settings;
export const STORE_VAULT = STORE.vault;
export const STORE_BULK = STORE.bulk;
/** Activity entries by outcome: finding the ones a stopped worker left "attempted" is cheap. */
export const ACTIVITY_BY_OUTCOME = 'by-outcome';

/**
 * The schema, one step per version, in order: a database at version N runs steps N+1… when
 * it is opened. Steps only add, and each skips what already exists (early builds created
 * version 2 whole). Data moves (the vault's, out of storage.local) happen in code.
 */
const MIGRATIONS: ((db: IDBDatabase, transaction: IDBTransaction) => void)[] = [
  // 1: the device key.
  (db) => createStore(db, STORE_KEYS),
  // 2: preferences and the activity log.
  (db) => {
    createStore(db, STORE_SETTINGS);
    createStore(db, STORE_ACTIVITY, { keyPath: 'seq', autoIncrement: true });
  },
  // 3: the token vault (was in storage.local), and activity by outcome.
  (db, transaction) => {
    createStore(db, STORE_VAULT);
    const activity = transaction.objectStore(STORE_ACTIVITY);
    if (!activity.indexNames.contains(ACTIVITY_BY_OUTCOME))
      activity.createIndex(ACTIVITY_BY_OUTCOME, 'outcome');
  },
  // 4: bulk reset jobs, kept until the admin's next job replaces the oldest.
  (db) => createStore(db, STORE_BULK, { keyPath: 'id' }),
];

function createStore(db: IDBDatabase, name: string, options?: IDBObjectStoreParameters): void {
  if (!db.objectStoreNames.contains(name)) db.createObjectStore(name, options);
}

const DB_VERSION = MIGRATIONS.length;

let opening: Promise<IDBDatabase> | undefined;

export function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = (event) => {
      const db = request.result;
      const transaction = request.transaction!;
      for (let version = event.oldVersion; version < DB_VERSION; version++)
        MIGRATIONS[version]!(db, transaction);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context upgrading the schema closes this one; the next call opens it anew.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

export function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Runs `work` in one transaction and resolves once it has committed. */
export function inTransaction<T>(
  store: string,
  mode: IDBTransactionMode,
  work: (objectStore: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  return inTransactionOver([store], mode, (transaction) => work(transaction.objectStore(store)));
}

/** As `inTransaction`, over several stores: their writes commit together or not at all. */
export async function inTransactionOver<T>(
  stores: readonly string[],
  mode: IDBTransactionMode,
  work: (transaction: IDBTransaction) => Promise<T> | T,
): Promise<T> {
  const db = await openDatabase();
  const transaction = db.transaction([...stores], mode);
  const done = new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
  const result = await work(transaction);
  await done;
  return result;
}
