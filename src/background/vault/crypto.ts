/**
 * AES-GCM envelopes for tokens at rest. Pure WebCrypto: runs in the service worker and in
 * unit tests alike. An envelope carries its own version and parameters so a later change of
 * KDF cost can still open old ones.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSPHRASE_LENGTH = 10;

export interface Envelope {
  v: 1;
  /** 'device': AES-GCM under the non-extractable device key; 'passphrase': PBKDF2-SHA-256 key. */
  kind: 'device' | 'passphrase';
  iv: string;
  ciphertext: string;
  salt?: string;
  iterations?: number;
}

export class DecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptError';
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function generateDeviceKey(): Promise<CryptoKey> {
  // extractable: false — the key can be used by this extension but never read out.
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function seal(
  key: CryptoKey,
  plaintext: string,
): Promise<{ iv: string; ciphertext: string }> {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    encoder.encode(plaintext),
  );
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
}

async function open(key: CryptoKey, envelope: Envelope, failure: string): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.iv) },
      key,
      fromBase64(envelope.ciphertext),
    );
    return decoder.decode(plain);
  } catch {
    // GCM authenticates: a wrong key and tampered bytes fail the same way.
    throw new DecryptError(failure);
  }
}

export async function sealWithDeviceKey(key: CryptoKey, plaintext: string): Promise<Envelope> {
  return { v: 1, kind: 'device', ...(await seal(key, plaintext)) };
}

export function openWithDeviceKey(key: CryptoKey, envelope: Envelope): Promise<string> {
  return open(
    key,
    envelope,
    'The saved token could not be decrypted on this device. Remove it and save the token again.',
  );
}

export async function sealWithPassphrase(
  passphrase: string,
  plaintext: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<Envelope> {
  const salt = randomBytes(16);
  const key = await derivePassphraseKey(passphrase, salt, iterations);
  return {
    v: 1,
    kind: 'passphrase',
    salt: toBase64(salt),
    iterations,
    ...(await seal(key, plaintext)),
  };
}

export async function openWithPassphrase(passphrase: string, envelope: Envelope): Promise<string> {
  if (envelope.kind !== 'passphrase' || !envelope.salt || !envelope.iterations) {
    throw new DecryptError('This token is not locked with a passphrase.');
  }
  let key: CryptoKey;
  try {
    key = await derivePassphraseKey(passphrase, fromBase64(envelope.salt), envelope.iterations);
  } catch {
    throw new DecryptError(
      'The saved token is damaged and cannot be unlocked. Remove it and save the token again.',
    );
  }
  return open(
    key,
    envelope,
    'That passphrase is not the one this token was locked with. Nothing was changed.',
  );
}
