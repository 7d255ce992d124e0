/** The per-install AES key for "keep on this device": generated once, non-extractable, kept in IndexedDB. */
import { inTransaction, requestToPromise, STORE_KEYS } from '../idb';
import { STORED } from '../storage';
import { generateDeviceKey } from './crypto';

const DEVICE_KEY_ID = STORED.deviceKey.key;
let cached: Promise<CryptoKey> | undefined;

export function getDeviceKey(): Promise<CryptoKey> {
  cached ??= loadOrCreate().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function loadOrCreate(): Promise<CryptoKey> {
  const existing = await inTransaction(STORE_KEYS, 'readonly', (store) =>
    requestToPromise(store.get(DEVICE_KEY_ID) as IDBRequest<CryptoKey | undefined>),
  );
  if (existing) return existing;
  const key = await generateDeviceKey();
  // `add` fails if another wake-up raced us here; then use the one that won.
  try {
    await inTransaction(STORE_KEYS, 'readwrite', (store) =>
      requestToPromise(store.add(key, DEVICE_KEY_ID)),
    );
    return key;
  } catch {
    const winner = await inTransaction(STORE_KEYS, 'readonly', (store) =>
      requestToPromise(store.get(DEVICE_KEY_ID) as IDBRequest<CryptoKey | undefined>),
    );
    if (!winner) throw new Error('The device key could not be stored.');
    return winner;
  }
}
