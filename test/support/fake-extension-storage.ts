/**
 * An in-memory stand-in for `browser.storage` (local, session and managed areas, onChanged) and the
 * extension origin's IndexedDB (fake-indexeddb), for unit tests of background modules that
 * keep state. Values are copied in and out, as the real areas do.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export interface FakeArea {
  data: Map<string, unknown>;
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
}

function area(name: string, listeners: Set<Listener>): FakeArea {
  const data = new Map<string, unknown>();
  const emit = (changes: Changes) => {
    if (Object.keys(changes).length > 0) for (const listener of listeners) listener(changes, name);
  };
  return {
    data,
    async get(keys) {
      const wanted =
        keys === null || keys === undefined
          ? [...data.keys()]
          : Array.isArray(keys)
            ? keys
            : [keys];
      const out: Record<string, unknown> = {};
      for (const key of wanted) if (data.has(key)) out[key] = structuredClone(data.get(key));
      return out;
    },
    async set(items) {
      const changes: Changes = {};
      for (const [key, value] of Object.entries(items)) {
        changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
        data.set(key, structuredClone(value));
      }
      emit(changes);
    },
    async remove(keys) {
      const changes: Changes = {};
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        if (!data.has(key)) continue;
        changes[key] = { oldValue: data.get(key) };
        data.delete(key);
      }
      emit(changes);
    },
    async clear() {
      await this.remove([...data.keys()]);
    },
  };
}

export interface FakeExtension {
  local: FakeArea;
  session: FakeArea;
  /** What a browser policy would set; empty, as in a browser without one. */
  managed: FakeArea;
  /** All that outlives the browser session (storage.local and IndexedDB), as text. */
  persisted(): Promise<string>;
}

/** Installs a fresh fake `browser` and IndexedDB on globalThis; import modules after this. */
export function installFakeExtension(): FakeExtension {
  const listeners = new Set<Listener>();
  const local = area('local', listeners);
  const session = area('session', listeners);
  const managed = area('managed', listeners);
  const indexedDB = new IDBFactory();
  // What the unit-test setup put there (the English `i18n`) stays.
  const { i18n } = (globalThis as { browser?: { i18n?: unknown } }).browser ?? {};
  Object.assign(globalThis, {
    indexedDB,
    IDBKeyRange,
    browser: {
      i18n,
      storage: {
        local,
        session,
        managed,
        onChanged: {
          addListener: (listener: Listener) => listeners.add(listener),
          removeListener: (listener: Listener) => listeners.delete(listener),
        },
      },
      runtime: { sendMessage: async () => undefined },
    },
  });
  return {
    local,
    session,
    managed,
    async persisted() {
      const dumps: unknown[] = [Object.fromEntries(local.data)];
      for (const { name } of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name!);
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        for (const store of db.objectStoreNames) {
          const all = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          dumps.push(all);
        }
        db.close();
      }
      // CryptoKeys serialise to "{}": a key that could be read out would show up here.
      return JSON.stringify(dumps);
    },
  };
}
