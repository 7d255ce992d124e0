/**
 * The token vault: the only code that stores or reads admin tokens.
 *  - The extension origin's IndexedDB (out of every content script's reach) holds each
 *    token's public details and, for "device" and "passphrase" modes, only AES-GCM
 *    ciphertext bound to those details.
 *  - storage.session (trusted contexts only, cleared when the browser closes) holds the
 *    plaintext of session-only tokens and of unlocked passphrase tokens.
 */

import type { TokenList } from '../../../features/tokens/messages';
import {
  type ApiEnvironment,
  redactToken,
  type StorageMode,
  type TokenIdentity,
  type TokenSummary,
} from '../../../features/tokens/model';
import { t } from '../../../shared/i18n';
import browser from '../../browser';
import { ActionError } from '../errors';
import { clientForToken } from '../slack-clients';
import { keyWithId, STORED } from '../storage';
import { identifyToken } from '../token-check';
import {
  DecryptError,
  type Envelope,
  type EnvelopeBinding,
  MIN_PASSPHRASE_LENGTH,
  openWithDeviceKey,
  openWithPassphrase,
  PBKDF2_ITERATIONS_RANGE,
  sealWithDeviceKey,
  sealWithPassphrase,
} from './crypto';
import { getDeviceKey } from './device-key';
import {
  moveLegacyRecords,
  readRecords,
  type StoredToken,
  type VaultRecords,
  writeRecords,
} from './records';

export const SECRET_PREFIX = STORED.sessionSecret.key;
const secretKey = (id: string) => keyWithId(STORED.sessionSecret, id);

export interface Credentials {
  token: string;
  summary: TokenSummary;
}

function bindingOf(stored: StoredToken): EnvelopeBinding {
  return {
    tokenId: stored.id,
    teamId: stored.teamId,
    userId: stored.userId,
    environment: stored.environment,
    mode: stored.mode,
  };
}

/**
 * Who a token is, as Slack answers for it, trying the Slack the record names first. Undefined
 * when no Slack could be asked (offline) or neither knows the token (revoked).
 */
async function askSlackWhoItIs(
  token: string,
  recorded: ApiEnvironment,
): Promise<{ identity: TokenIdentity; environment: ApiEnvironment } | undefined> {
  const order: ApiEnvironment[] =
    recorded === 'gov' ? ['gov', 'commercial'] : ['commercial', 'gov'];
  for (const environment of order) {
    try {
      const { identity } = await identifyToken(clientForToken(token, environment));
      return { identity, environment };
    } catch {
      // The other Slack, or none: a record is never dropped for Slack being unreachable.
    }
  }
  return undefined;
}

/**
 * An older version's record could have been written by a content script (storage.local was
 * open to them), so nothing in it is taken on trust that Slack can vouch for instead: with the
 * token at hand, who it is comes from Slack, and the workspace addresses are never carried over.
 */
async function vouchedFor(stored: StoredToken, token: string | undefined): Promise<StoredToken> {
  const { pageHosts: _untrusted, ...rest } = stored;
  const answer = token ? await askSlackWhoItIs(token, stored.environment) : undefined;
  return answer ? { ...rest, ...answer.identity, environment: answer.environment } : rest;
}

/**
 * Records from an older version: device envelopes are opened and sealed again, bound to their
 * record; passphrase ones stay sealed until their next unlock (only the passphrase can re-seal
 * them, and Slack is asked who they are then); session ones are kept, forgotten if the browser
 * dropped their plaintext. A device envelope this browser's key cannot open is not one of ours.
 */
async function upgradeLegacy(legacy: VaultRecords): Promise<VaultRecords> {
  const tokens: StoredToken[] = [];
  for (const stored of legacy.tokens) {
    if (!stored || typeof stored.id !== 'string') continue;
    if (stored.mode === 'device' && stored.envelope) {
      const key = await getDeviceKey();
      let token: string;
      try {
        token = await openWithDeviceKey(key, stored.envelope, bindingOf(stored));
      } catch (error) {
        if (error instanceof DecryptError) continue;
        throw error;
      }
      const record = await vouchedFor(stored, token);
      tokens.push({ ...record, envelope: await sealWithDeviceKey(key, token, bindingOf(record)) });
    } else if (stored.mode === 'passphrase' && stored.envelope?.kind === 'passphrase') {
      tokens.push(await vouchedFor(stored, undefined));
    } else if (stored.mode === 'session') {
      const secret = await sessionSecret(stored.id);
      tokens.push(await vouchedFor(stored, secret));
    }
  }
  const activeId = tokens.some((t) => t.id === legacy.activeId) ? legacy.activeId : tokens[0]?.id;
  return { tokens, activeId };
}

async function readStored(): Promise<VaultRecords> {
  await moveLegacyRecords(upgradeLegacy);
  const { tokens, activeId } = await readRecords();
  return { tokens, activeId: tokens.some((t) => t.id === activeId) ? activeId : tokens[0]?.id };
}

// Sealing a passphrase token takes most of a second: vault changes run one at a time, so a
// removal or a switch made meanwhile is not overwritten by a save that read the list before it.
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<A extends unknown[], T>(
  change: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  return (...args) => {
    const next = () => change(...args);
    const run = queue.then(next, next);
    queue = run.catch(() => undefined);
    return run;
  };
}

async function writeStored(tokens: StoredToken[], activeId: string | undefined): Promise<void> {
  memo.clear();
  await writeRecords({ tokens, activeId });
}

async function sessionSecret(id: string): Promise<string | undefined> {
  const data = await browser.storage.session.get(secretKey(id));
  const value = data[secretKey(id)];
  return typeof value === 'string' ? value : undefined;
}

function summarise(
  stored: StoredToken,
  activeId: string | undefined,
  hasSecret: boolean,
): TokenSummary {
  const { envelope: _sealed, ...details } = stored;
  return {
    ...details,
    active: stored.id === activeId,
    locked: stored.mode === 'passphrase' && !hasSecret,
    forgotten: stored.mode === 'session' && !hasSecret,
  };
}

export async function listTokens(): Promise<TokenList> {
  const { tokens, activeId } = await readStored();
  const summaries = await Promise.all(
    tokens.map(async (t) =>
      summarise(t, activeId, t.mode === 'device' || (await sessionSecret(t.id)) !== undefined),
    ),
  );
  return { tokens: summaries, activeId };
}

export interface NewToken {
  token: string;
  mode: StorageMode;
  passphrase?: string;
  environment: ApiEnvironment;
  identity: TokenIdentity;
}

/** Stores a token that has already been checked with Slack. Same org and admin: replaced. */
export const storeToken = oneAtATime(async (input: NewToken): Promise<TokenSummary> => {
  const { token, mode, passphrase, environment, identity } = input;
  if (mode === 'passphrase' && (passphrase ?? '').length < MIN_PASSPHRASE_LENGTH) {
    throw new ActionError('weak_passphrase', t('core_weakPassphrase', MIN_PASSPHRASE_LENGTH));
  }
  const { tokens } = await readStored();
  const previous = tokens.find(
    (t) =>
      t.teamId === identity.teamId && t.userId === identity.userId && t.environment === environment,
  );
  const id = previous?.id ?? crypto.randomUUID();
  const stored: StoredToken = {
    ...identity,
    id,
    environment,
    mode,
    redacted: redactToken(token),
    savedAt: new Date().toISOString(),
    pageHosts: previous?.pageHosts,
  };
  const binding = bindingOf(stored);
  if (mode === 'device')
    stored.envelope = await sealWithDeviceKey(await getDeviceKey(), token, binding);
  if (mode === 'passphrase')
    stored.envelope = await sealWithPassphrase(passphrase!, token, binding);
  // The plaintext lives in trusted-only session storage for session tokens and unlocked ones.
  if (mode === 'device') await browser.storage.session.remove(secretKey(id));
  else await browser.storage.session.set({ [secretKey(id)]: token });

  const others = tokens.filter((t) => t.id !== id);
  await writeStored([...others, stored], id);
  return summarise(stored, id, true);
});

export const removeToken = oneAtATime(async (id: string): Promise<TokenList> => {
  const { tokens, activeId } = await readStored();
  const remaining = tokens.filter((t) => t.id !== id);
  await browser.storage.session.remove(secretKey(id));
  await writeStored(remaining, activeId === id ? remaining[0]?.id : activeId);
  return listTokens();
});

export const activateToken = oneAtATime(async (id: string): Promise<TokenList> => {
  const { tokens } = await readStored();
  if (!tokens.some((t) => t.id === id)) throw unknownToken();
  await writeStored(tokens, id);
  return listTokens();
});

/** The admin said a workspace's admin pages (`host`) belong to this token's org. */
export const rememberPageHost = oneAtATime(async (id: string, host: string): Promise<void> => {
  const { tokens, activeId } = await readStored();
  const stored = tokens.find((t) => t.id === id);
  if (!stored) throw unknownToken();
  const others = tokens.map((t) =>
    t.id === id ? t : { ...t, pageHosts: t.pageHosts?.filter((h) => h !== host) },
  );
  const hosts = new Set([...(stored.pageHosts ?? []), host]);
  await writeStored(
    others.map((t) => (t.id === id ? { ...t, pageHosts: [...hosts].slice(-100) } : t)),
    activeId,
  );
});

/** The passphrase key costs what the record says: within bounds, or the record is refused. */
function checkIterations(envelope: Envelope): void {
  const { iterations } = envelope;
  const { min, max } = PBKDF2_ITERATIONS_RANGE;
  if (!Number.isInteger(iterations) || iterations! < min || iterations! > max) {
    throw new ActionError('undecryptable', t('core_lockSettings'));
  }
}

export const unlockToken = oneAtATime(
  async (id: string, passphrase: string): Promise<TokenList> => {
    const { tokens, activeId } = await readStored();
    const stored = tokens.find((t) => t.id === id);
    if (!stored) throw unknownToken();
    if (stored.mode !== 'passphrase' || !stored.envelope) {
      throw new ActionError('not_locked', t('core_notLocked'));
    }
    checkIterations(stored.envelope);
    try {
      const token = await openWithPassphrase(passphrase, stored.envelope, bindingOf(stored));
      await browser.storage.session.set({ [secretKey(id)]: token });
      if (stored.envelope.v === 1) {
        // Sealed by an older version, before envelopes were bound to their record: Slack says
        // who the token is, and the envelope is bound to that.
        const record = await vouchedFor(stored, token);
        const envelope = await sealWithPassphrase(passphrase, token, bindingOf(record));
        await writeStored(
          tokens.map((t) => (t.id === id ? { ...record, envelope } : t)),
          activeId,
        );
      }
    } catch (error) {
      if (error instanceof DecryptError) throw new ActionError('wrong_passphrase', error.message);
      throw error;
    }
    return listTokens();
  },
);

export const lockToken = oneAtATime(async (id: string): Promise<TokenList> => {
  const stored = (await readStored()).tokens.find((t) => t.id === id);
  if (stored?.mode === 'passphrase') await browser.storage.session.remove(secretKey(id));
  return listTokens();
});

// A burst of actions (a pasted list, a multi-member right-click) needs the same token hundreds of
// times: keep it in this worker's memory for a few seconds rather than re-reading and
// re-decrypting it each time. Any change to the vault forgets it at once.
const CREDENTIALS_MEMO_MS = 30_000;
const memo = new Map<string, { credentials: Promise<Credentials>; until: number }>();
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && Object.keys(changes).some((key) => key.startsWith(SECRET_PREFIX)))
    memo.clear();
});

/** The token to act with: the one asked for, else the active one. Only the background calls this. */
export function credentialsFor(tokenId?: string): Promise<Credentials> {
  const key = tokenId ?? '';
  const hit = memo.get(key);
  if (hit && hit.until > Date.now()) return hit.credentials;
  const credentials = readCredentials(tokenId);
  memo.set(key, { credentials, until: Date.now() + CREDENTIALS_MEMO_MS });
  // A failure (locked, forgotten…) is never remembered.
  credentials.catch(() => memo.delete(key));
  return credentials;
}

async function readCredentials(tokenId?: string): Promise<Credentials> {
  const { tokens, activeId } = await readStored();
  const stored = tokens.find((t) => t.id === (tokenId ?? activeId));
  if (!stored) {
    if (tokenId) throw unknownToken();
    throw new ActionError('no_token', t('core_noToken'));
  }
  let token = await sessionSecret(stored.id);
  if (!token && stored.mode === 'device' && stored.envelope) {
    try {
      token = await openWithDeviceKey(await getDeviceKey(), stored.envelope, bindingOf(stored));
    } catch (error) {
      if (error instanceof DecryptError) throw new ActionError('undecryptable', error.message);
      throw error;
    }
  }
  if (!token && stored.mode === 'passphrase') {
    throw new ActionError('locked', t('core_locked', stored.team), {
      tokenId: stored.id,
    });
  }
  if (!token) {
    throw new ActionError('forgotten', t('core_forgotten', stored.team), { tokenId: stored.id });
  }
  return { token, summary: summarise(stored, activeId, true) };
}

function unknownToken(): ActionError {
  return new ActionError('unknown_token', t('core_unknownToken'));
}
