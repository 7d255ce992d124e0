import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type FakeExtension,
  installFakeExtension,
} from '../../../../test/support/fake-extension-storage';
import type { TokenIdentity } from '../../../features/tokens/model';
import type { Envelope } from './crypto';

const TOKEN = 'xoxp-1111111111-2222222222-3333333333-0123456789abcdefSECRET';
const PASSPHRASE = 'a passphrase long enough';
const IDENTITY: TokenIdentity = {
  team: 'Acme Sandbox Org',
  teamId: 'E0SANDBOX01',
  enterpriseId: 'E0SANDBOX01',
  url: 'https://acme-sandbox.enterprise.slack.com/',
  user: 'riley.admin',
  userId: 'W0SBXADMIN1',
  scopes: ['admin.users:write'],
};

type Vault = typeof import('./vault');
let fake: FakeExtension;
let vault: Vault;

/** A worker start: the same storage, fresh modules (no memo, no cached key or connection). */
async function restartWorker(): Promise<void> {
  vi.resetModules();
  vault = await import('./vault');
}

/** What a browser restart leaves: storage.session is gone. */
async function restartBrowser(): Promise<void> {
  fake.session.data.clear();
  await restartWorker();
}

async function store(mode: 'device' | 'session' | 'passphrase') {
  return vault.storeToken({
    token: TOKEN,
    mode,
    passphrase: mode === 'passphrase' ? PASSPHRASE : undefined,
    environment: 'commercial',
    identity: IDENTITY,
  });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toMatchObject({ code });
}

/** Slack's auth.test, as commercial Slack answers it for the tokens it knows (GovSlack knows none). */
const slackKnows = new Map<string, TokenIdentity>();
const authTests: { token: string; gov: boolean }[] = [];
vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
  const token = String((init.headers as Record<string, string>).Authorization).slice(7);
  const gov = String(url).startsWith('https://slack-gov.com/');
  authTests.push({ token, gov });
  const who = gov ? undefined : slackKnows.get(token);
  const body = who
    ? {
        ok: true,
        url: who.url,
        team: who.team,
        user: who.user,
        team_id: who.teamId,
        user_id: who.userId,
        enterprise_id: who.enterpriseId,
      }
    : { ok: false, error: 'invalid_auth' };
  return new Response(JSON.stringify(body), {
    headers: { 'content-type': 'application/json', 'x-oauth-scopes': who?.scopes.join(',') ?? '' },
  });
});

beforeEach(async () => {
  fake = installFakeExtension();
  slackKnows.clear();
  slackKnows.set(TOKEN, IDENTITY);
  authTests.length = 0;
  await restartWorker();
});

describe.each(['device', 'session', 'passphrase'] as const)('a token kept "%s"', (mode) => {
  it('round-trips, and nothing that outlives the session holds the token or the passphrase', async () => {
    const saved = await store(mode);
    expect(saved).toMatchObject({ team: IDENTITY.team, mode, redacted: 'xoxp-…CRET' });
    const persisted = await fake.persisted();
    expect(persisted).not.toContain(TOKEN);
    expect(persisted).not.toContain('SECRET');
    expect(persisted).not.toContain(PASSPHRASE);
    // storage.local (which content scripts can read and write) holds nothing of the vault's.
    expect([...fake.local.data.keys()]).toEqual([]);
    // Plaintext only where content scripts cannot reach, and only where the mode needs it.
    const inSession = JSON.stringify(Object.fromEntries(fake.session.data));
    expect(inSession.includes(TOKEN)).toBe(mode !== 'device');
    expect(inSession).not.toContain(PASSPHRASE);

    await restartWorker();
    const { token, summary } = await vault.credentialsFor();
    expect(token).toBe(TOKEN);
    expect(summary).toMatchObject({ id: saved.id, active: true, locked: false, forgotten: false });
  });
});

describe('after the browser restarts', () => {
  it('a device token still works', async () => {
    await store('device');
    await restartBrowser();
    expect((await vault.credentialsFor()).token).toBe(TOKEN);
  });

  it('a session token is forgotten, and says so', async () => {
    const saved = await store('session');
    await restartBrowser();
    expect((await vault.listTokens()).tokens[0]).toMatchObject({ forgotten: true });
    await expectCode(vault.credentialsFor(), 'forgotten');
    await expect(vault.credentialsFor()).rejects.toMatchObject({ extra: { tokenId: saved.id } });
  });

  it('a passphrase token is locked until the right passphrase unlocks it', async () => {
    const saved = await store('passphrase');
    await restartBrowser();
    expect((await vault.listTokens()).tokens[0]).toMatchObject({ locked: true });
    await expectCode(vault.credentialsFor(), 'locked');
    await expectCode(vault.unlockToken(saved.id, `${PASSPHRASE}!`), 'wrong_passphrase');
    await vault.unlockToken(saved.id, PASSPHRASE);
    expect((await vault.credentialsFor()).token).toBe(TOKEN);
  });
});

it('forgets the token it keeps in memory as soon as the vault changes', async () => {
  const saved = await store('passphrase');
  expect((await vault.credentialsFor()).token).toBe(TOKEN);
  await vault.lockToken(saved.id);
  await expectCode(vault.credentialsFor(), 'locked');
  // A change made by another context (storage.session emptied) counts too.
  await vault.unlockToken(saved.id, PASSPHRASE);
  expect((await vault.credentialsFor()).token).toBe(TOKEN);
  await fake.session.clear();
  await expectCode(vault.credentialsFor(), 'locked');
});

it('an envelope moved to another record, or a record changed, no longer opens', async () => {
  await store('device');
  const records = await readVaultRecords();
  const [record] = records.tokens;
  await writeVaultRecords({ ...records, tokens: [{ ...record!, userId: 'W0SOMEONE01' }] });
  await restartWorker();
  await expectCode(vault.credentialsFor(), 'undecryptable');
});

it('refuses a passphrase record asking for too few or too many PBKDF2 iterations', async () => {
  const saved = await store('passphrase');
  await restartBrowser();
  const records = await readVaultRecords();
  for (const iterations of [1_000, 599_999, 5_000_001]) {
    const envelope = { ...(records.tokens[0]!.envelope as Envelope), iterations };
    await writeVaultRecords({ ...records, tokens: [{ ...records.tokens[0]!, envelope }] });
    await restartWorker();
    const started = performance.now();
    await expectCode(vault.unlockToken(saved.id, PASSPHRASE), 'undecryptable');
    // Refused from the record, before any key is derived.
    expect(performance.now() - started).toBeLessThan(200);
  }
});

describe('records an older version left in storage.local', () => {
  it('are moved out, still work, and storage.local is never read again', async () => {
    const key = await deviceKey();
    const legacy = [
      {
        ...IDENTITY,
        id: 'old-device',
        environment: 'commercial',
        mode: 'device',
        redacted: 'xoxp-…CRET',
        savedAt: '2026-01-01T00:00:00.000Z',
        envelope: await sealUnbound(key, TOKEN),
      },
      {
        ...IDENTITY,
        teamId: 'T0SBXENG01',
        id: 'old-session',
        environment: 'commercial',
        mode: 'session',
        redacted: 'xoxp-…SION',
        savedAt: '2026-01-01T00:00:00.000Z',
      },
      {
        ...IDENTITY,
        teamId: 'T0FORGED01',
        id: 'forged-device',
        environment: 'commercial',
        mode: 'device',
        redacted: 'xoxp-…FAKE',
        savedAt: '2026-01-01T00:00:00.000Z',
        envelope: await sealUnbound(await otherKey(), 'xoxp-forged'),
      },
    ];
    await fake.local.set({ 'vault.tokens': legacy, 'vault.activeId': 'old-device' });
    await fake.session.set({ 'vault.secret.old-session': 'xoxp-session-token-SESSION' });
    slackKnows.set('xoxp-session-token-SESSION', { ...IDENTITY, teamId: 'T0SBXENG01' });
    await restartWorker();

    const { tokens, activeId } = await vault.listTokens();
    // The forged record (not sealed by this browser's key) is dropped.
    expect(tokens.map((t) => t.id)).toEqual(['old-device', 'old-session']);
    expect(activeId).toBe('old-device');
    expect((await vault.credentialsFor()).token).toBe(TOKEN);
    expect((await vault.credentialsFor('old-session')).token).toBe('xoxp-session-token-SESSION');
    expect([...fake.local.data.keys()]).toEqual([]);
    // Re-sealed bound to its record.
    const moved = await readVaultRecords();
    expect(moved.tokens.find((t) => t.id === 'old-device')!.envelope!.v).toBe(2);

    // What a content script writes there later is not taken for a token.
    await fake.local.set({ 'vault.tokens': [{ ...legacy[1], id: 'planted' }] });
    await restartWorker();
    expect((await vault.listTokens()).tokens.map((t) => t.id)).toEqual([
      'old-device',
      'old-session',
    ]);
  });

  it('take who a token is from Slack, not from the record, and carry no workspace addresses', async () => {
    // What a content script could have written beside a copy of the real envelope.
    await fake.local.set({
      'vault.tokens': [
        {
          ...IDENTITY,
          id: 'old-device',
          team: 'Other Org',
          url: 'https://victim-workspace.slack.com/',
          environment: 'gov',
          pageHosts: ['victim-workspace.slack.com'],
          mode: 'device',
          redacted: 'xoxp-…CRET',
          savedAt: '2026-01-01T00:00:00.000Z',
          envelope: await sealUnbound(await deviceKey(), TOKEN),
        },
      ],
      'vault.activeId': 'old-device',
    });
    await restartWorker();
    const [moved] = (await vault.listTokens()).tokens;
    expect(moved).toMatchObject({
      id: 'old-device',
      team: IDENTITY.team,
      url: IDENTITY.url,
      environment: 'commercial',
      scopes: IDENTITY.scopes,
    });
    expect(moved!.pageHosts).toBeUndefined();
    expect((await vault.credentialsFor()).summary.environment).toBe('commercial');
  });

  it('a passphrase record keeps working and is bound to its record at its next unlock', async () => {
    const envelope = await sealUnboundWithPassphrase(PASSPHRASE, TOKEN);
    await fake.local.set({
      'vault.tokens': [
        {
          ...IDENTITY,
          team: 'Planted name',
          pageHosts: ['planted.slack.com'],
          id: 'old-locked',
          environment: 'commercial',
          mode: 'passphrase',
          redacted: 'xoxp-…CRET',
          savedAt: '2026-01-01T00:00:00.000Z',
          envelope,
        },
      ],
    });
    await restartWorker();
    expect((await vault.listTokens()).tokens[0]).toMatchObject({ id: 'old-locked', locked: true });
    expect((await vault.listTokens()).tokens[0]!.pageHosts).toBeUndefined();
    await vault.unlockToken('old-locked', PASSPHRASE);
    expect((await vault.credentialsFor()).token).toBe(TOKEN);
    expect((await readVaultRecords()).tokens[0]!.envelope!.v).toBe(2);
    // Once its token could be read, Slack said who it is.
    expect((await vault.listTokens()).tokens[0]!.team).toBe(IDENTITY.team);
    await restartBrowser();
    await vault.unlockToken('old-locked', PASSPHRASE);
    expect((await vault.credentialsFor()).token).toBe(TOKEN);
  });
});

// ---- helpers that play an older version, or look inside the store ----

interface Records {
  tokens: { id: string; userId: string; envelope?: Envelope }[];
  activeId?: string;
}

async function db(): Promise<IDBDatabase> {
  const { openDatabase } = await import('../idb');
  return openDatabase();
}

async function readVaultRecords(): Promise<Records> {
  const request = (await db()).transaction('vault').objectStore('vault').get('records');
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result as Records);
    request.onerror = () => reject(request.error);
  });
}

async function writeVaultRecords(records: Records): Promise<void> {
  const tx = (await db()).transaction('vault', 'readwrite');
  tx.objectStore('vault').put(records, 'records');
  await new Promise((resolve) => {
    tx.oncomplete = resolve;
  });
}

async function deviceKey(): Promise<CryptoKey> {
  const { getDeviceKey } = await import('./device-key');
  return getDeviceKey();
}

function otherKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A version 1 envelope, as the extension sealed them before they were bound to a record. */
async function sealUnbound(key: CryptoKey, plaintext: string): Promise<Envelope> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { v: 1, kind: 'device', iv: base64(iv), ciphertext: base64(new Uint8Array(sealed)) };
}

async function sealUnboundWithPassphrase(passphrase: string, plaintext: string) {
  const { derivePassphraseKey, PBKDF2_ITERATIONS } = await import('./crypto');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await derivePassphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  const envelope = await sealUnbound(key, plaintext);
  return {
    ...envelope,
    kind: 'passphrase' as const,
    salt: base64(salt),
    iterations: PBKDF2_ITERATIONS,
  };
}
