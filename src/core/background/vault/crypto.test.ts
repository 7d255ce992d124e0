import { describe, expect, it } from 'vitest';
import {
  DecryptError,
  type Envelope,
  type EnvelopeBinding,
  generateDeviceKey,
  openWithDeviceKey,
  openWithPassphrase,
  PBKDF2_ITERATIONS,
  sealWithDeviceKey,
  sealWithPassphrase,
} from './crypto';

/** Fast enough for unit tests; the default cost is checked separately. */
const FAST = 1000;
const PASS = 'correct horse battery staple';
const BINDING: EnvelopeBinding = {
  tokenId: 'token-1',
  teamId: 'E0SANDBOX01',
  userId: 'W0SBXADMIN1',
  environment: 'commercial',
  mode: 'passphrase',
};
const TOKEN = 'xoxp-1111111111-2222222222-3333333333-0123456789abcdefSECRET';

function flipByte(base64: string, index = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  const at = Math.min(index, bytes.length - 1);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** Opens and expects a DecryptError with a real sentence, and no plaintext returned. */
async function expectDecryptFailure(opening: Promise<string>): Promise<DecryptError> {
  let returned: string | undefined;
  let caught: unknown;
  try {
    returned = await opening;
  } catch (error) {
    caught = error;
  }
  expect(returned).toBeUndefined();
  expect(caught).toBeInstanceOf(DecryptError);
  const error = caught as DecryptError;
  expect(error.name).toBe('DecryptError');
  expect(error.message.length).toBeGreaterThan(20);
  expect(error.message).toMatch(/^[A-Z].*[.!]$/);
  expect(error.message).not.toContain(TOKEN);
  return error;
}

describe('passphrase envelopes', () => {
  it('round-trips the plaintext with the right passphrase', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    expect(envelope).toMatchObject({ v: 2, kind: 'passphrase', iterations: FAST });
    await expect(openWithPassphrase(PASS, envelope, BINDING)).resolves.toBe(TOKEN);
  });

  it('round-trips non-ASCII text', async () => {
    const text = 'xoxp-ünïcødé-✓';
    const envelope = await sealWithPassphrase('pässphräse ✓ long', text, BINDING, FAST);
    await expect(openWithPassphrase('pässphräse ✓ long', envelope, BINDING)).resolves.toBe(text);
  });

  it('refuses a wrong passphrase with a sentence and returns nothing', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const error = await expectDecryptFailure(
      openWithPassphrase('correct horse battery stapler', envelope, BINDING),
    );
    expect(error.message).toMatch(/passphrase/i);
  });

  it('refuses a passphrase that differs only in case or surrounding space', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    await expectDecryptFailure(openWithPassphrase(PASS.toUpperCase(), envelope, BINDING));
    await expectDecryptFailure(openWithPassphrase(` ${PASS}`, envelope, BINDING));
  });

  it('rejects a ciphertext with one flipped byte', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    for (const index of [0, 10, Buffer.from(envelope.ciphertext, 'base64').length - 1]) {
      const tampered: Envelope = { ...envelope, ciphertext: flipByte(envelope.ciphertext, index) };
      expect(tampered.ciphertext).not.toBe(envelope.ciphertext);
      await expectDecryptFailure(openWithPassphrase(PASS, tampered, BINDING));
    }
  });

  it('rejects a truncated ciphertext', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const bytes = Buffer.from(envelope.ciphertext, 'base64');
    const tampered = { ...envelope, ciphertext: bytes.subarray(0, -1).toString('base64') };
    await expectDecryptFailure(openWithPassphrase(PASS, tampered, BINDING));
  });

  it('rejects a tampered IV', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const tampered: Envelope = { ...envelope, iv: flipByte(envelope.iv, 5) };
    await expectDecryptFailure(openWithPassphrase(PASS, tampered, BINDING));
  });

  it('rejects a tampered salt', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const tampered: Envelope = { ...envelope, salt: flipByte(envelope.salt ?? '', 3) };
    await expectDecryptFailure(openWithPassphrase(PASS, tampered, BINDING));
  });

  it('uses a fresh random salt and IV for every seal', async () => {
    const a = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const b = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(a.salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
  });

  it('opens with the iterations recorded in the envelope, not the current default', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    expect(envelope.iterations).toBe(FAST);
    expect(FAST).not.toBe(PBKDF2_ITERATIONS);
    // Opening succeeds only if the key is derived with the envelope's own cost.
    await expect(openWithPassphrase(PASS, envelope, BINDING)).resolves.toBe(TOKEN);
    // A changed cost derives a different key: the envelope's number is what is used.
    await expectDecryptFailure(
      openWithPassphrase(PASS, { ...envelope, iterations: FAST + 1 }, BINDING),
    );
  });

  it('refuses envelopes that are not passphrase envelopes or lack their parameters', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    await expectDecryptFailure(openWithPassphrase(PASS, { ...envelope, kind: 'device' }, BINDING));
    await expectDecryptFailure(openWithPassphrase(PASS, { ...envelope, salt: undefined }, BINDING));
    await expectDecryptFailure(
      openWithPassphrase(PASS, { ...envelope, iterations: undefined }, BINDING),
    );
  });

  it('defaults to at least 600,000 PBKDF2 iterations and records them', async () => {
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING);
    expect(envelope.iterations).toBe(PBKDF2_ITERATIONS);
  });

  it('never puts the plaintext or the passphrase into the envelope', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    const json = JSON.stringify(envelope);
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain(PASS);
    expect(json).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 20));
    expect(Object.keys(envelope).sort()).toEqual(
      ['ciphertext', 'iterations', 'iv', 'kind', 'salt', 'v'].sort(),
    );
  });
});

describe('device-key envelopes', () => {
  it('round-trips the plaintext with the same key', async () => {
    const key = await generateDeviceKey();
    const envelope = await sealWithDeviceKey(key, TOKEN, BINDING);
    expect(envelope).toMatchObject({ v: 2, kind: 'device' });
    expect(envelope.salt).toBeUndefined();
    expect(envelope.iterations).toBeUndefined();
    await expect(openWithDeviceKey(key, envelope, BINDING)).resolves.toBe(TOKEN);
  });

  it('generates a key that cannot be read out', async () => {
    const key = await generateDeviceKey();
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
  });

  it('refuses to open with another device key', async () => {
    const envelope = await sealWithDeviceKey(await generateDeviceKey(), TOKEN, BINDING);
    const error = await expectDecryptFailure(
      openWithDeviceKey(await generateDeviceKey(), envelope, BINDING),
    );
    expect(error.message).toMatch(/token/i);
  });

  it('rejects a tampered ciphertext and a tampered IV', async () => {
    const key = await generateDeviceKey();
    const envelope = await sealWithDeviceKey(key, TOKEN, BINDING);
    await expectDecryptFailure(
      openWithDeviceKey(
        key,
        { ...envelope, ciphertext: flipByte(envelope.ciphertext, 7) },
        BINDING,
      ),
    );
    await expectDecryptFailure(
      openWithDeviceKey(key, { ...envelope, iv: flipByte(envelope.iv) }, BINDING),
    );
  });

  it('uses a fresh IV for every seal and keeps the plaintext out of the envelope', async () => {
    const key = await generateDeviceKey();
    const a = await sealWithDeviceKey(key, TOKEN, BINDING);
    const b = await sealWithDeviceKey(key, TOKEN, BINDING);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    for (const envelope of [a, b]) {
      const json = JSON.stringify(envelope);
      expect(json).not.toContain(TOKEN);
      expect(json).not.toContain('SECRET');
    }
  });
});

describe('a damaged envelope', () => {
  it('gives a sentence, not a crash, when its salt is not base64', async () => {
    const sealed = await sealWithPassphrase('a long passphrase', 'xoxp-secret', BINDING, 1000);
    const error = await openWithPassphrase(
      'a long passphrase',
      {
        ...sealed,
        salt: '***not base64***',
      },
      BINDING,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DecryptError);
    expect((error as Error).message).toMatch(/damaged/);
  });
});

describe('envelopes bound to their record', () => {
  const fields = ['tokenId', 'teamId', 'userId', 'environment', 'mode'] as const;

  it('a device envelope opens only with the record it was sealed for', async () => {
    const key = await generateDeviceKey();
    const envelope = await sealWithDeviceKey(key, TOKEN, BINDING);
    await expect(openWithDeviceKey(key, envelope, { ...BINDING })).resolves.toBe(TOKEN);
    for (const field of fields) {
      await expectDecryptFailure(
        openWithDeviceKey(key, envelope, { ...BINDING, [field]: `${BINDING[field]}x` }),
      );
    }
  });

  it('a passphrase envelope opens only with the record it was sealed for', async () => {
    const envelope = await sealWithPassphrase(PASS, TOKEN, BINDING, FAST);
    for (const field of fields) {
      await expectDecryptFailure(
        openWithPassphrase(PASS, envelope, { ...BINDING, [field]: 'other' }),
      );
    }
  });

  it('claiming version 1 (unbound) does not strip the binding from a version 2 envelope', async () => {
    const key = await generateDeviceKey();
    const envelope = await sealWithDeviceKey(key, TOKEN, BINDING);
    await expectDecryptFailure(openWithDeviceKey(key, { ...envelope, v: 1 }, BINDING));
  });
});
