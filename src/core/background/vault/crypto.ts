/**
 * AES-GCM envelopes for tokens at rest. Pure WebCrypto: runs in the service worker and in
 * unit tests alike. An envelope carries its own version and parameters so a later change of
 * KDF cost can still open old ones.
 */

import { t } from '../../../shared/i18n';

export const PBKDF2_ITERATIONS = 600_000;
/** What a stored record may ask for: no weaker than today's cost, nor a hang of minutes. */
export const PBKDF2_ITERATIONS_RANGE = { min: 600_000, max: 5_000_000 } as const;
export const MIN_PASSPHRASE_LENGTH = 10;

/**
 * What an envelope belongs to. Sealed in as AES-GCM additional data: an envelope moved to
 * another token's record, or a record whose team, user, Slack or mode was changed, no longer
 * opens. Version 1 envelopes (before this) had none.
 */
export interface EnvelopeBinding {
  tokenId: string;
  teamId: string;
  userId: string;
  environment: string;
  mode: string;
}

export interface Envelope {
  /** 2: bound to its record (see EnvelopeBinding); 1: older, unbound. */
  v: 1 | 2;
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

function additionalData(binding: EnvelopeBinding): Uint8Array<ArrayBuffer> {
  const { tokenId, teamId, userId, environment, mode } = binding;
  return encoder.encode(
    JSON.stringify(['session-admin-vault/2', tokenId, teamId, userId, environment, mode]),
  );
}

function gcmParams(
  iv: Uint8Array<ArrayBuffer>,
  binding: EnvelopeBinding | undefined,
): AesGcmParams {
  return binding
    ? { name: 'AES-GCM', iv, additionalData: additionalData(binding) }
    : { name: 'AES-GCM', iv };
}

async function seal(
  key: CryptoKey,
  plaintext: string,
  binding: EnvelopeBinding,
): Promise<{ iv: string; ciphertext: string }> {
  const iv = randomBytes(12);
  const sealed = await crypto.subtle.encrypt(
    gcmParams(iv, binding),
    key,
    encoder.encode(plaintext),
  );
  return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
}

async function open(
  key: CryptoKey,
  envelope: Envelope,
  binding: EnvelopeBinding,
  failure: string,
): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      gcmParams(fromBase64(envelope.iv), envelope.v === 1 ? undefined : binding),
      key,
      fromBase64(envelope.ciphertext),
    );
    return decoder.decode(plain);
  } catch {
    // GCM authenticates: a wrong key and tampered bytes fail the same way.
    throw new DecryptError(failure);
  }
}

export async function sealWithDeviceKey(
  key: CryptoKey,
  plaintext: string,
  binding: EnvelopeBinding,
): Promise<Envelope> {
  return { v: 2, kind: 'device', ...(await seal(key, plaintext, binding)) };
}

/** Opens a version 2 envelope only with the binding it was sealed with; version 1 has none. */
export function openWithDeviceKey(
  key: CryptoKey,
  envelope: Envelope,
  binding: EnvelopeBinding,
): Promise<string> {
  return open(key, envelope, binding, t('core_undecryptable'));
}

export async function sealWithPassphrase(
  passphrase: string,
  plaintext: string,
  binding: EnvelopeBinding,
  iterations = PBKDF2_ITERATIONS,
): Promise<Envelope> {
  const salt = randomBytes(16);
  const key = await derivePassphraseKey(passphrase, salt, iterations);
  return {
    v: 2,
    kind: 'passphrase',
    salt: toBase64(salt),
    iterations,
    ...(await seal(key, plaintext, binding)),
  };
}

export async function openWithPassphrase(
  passphrase: string,
  envelope: Envelope,
  binding: EnvelopeBinding,
): Promise<string> {
  if (envelope.kind !== 'passphrase' || !envelope.salt || !envelope.iterations) {
    throw new DecryptError(t('core_notLocked'));
  }
  let key: CryptoKey;
  try {
    key = await derivePassphraseKey(passphrase, fromBase64(envelope.salt), envelope.iterations);
  } catch {
    throw new DecryptError(t('core_damaged'));
  }
  return open(key, envelope, binding, t('core_wrongPassphrase'));
}
