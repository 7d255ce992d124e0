/**
 * The token vault: the only code that stores or reads admin tokens.
 *  - storage.local holds each token's public details and, for "device" and "passphrase"
 *    modes, only AES-GCM ciphertext (content scripts can read storage.local).
 *  - storage.session (trusted contexts only, cleared when the browser closes) holds the
 *    plaintext of session-only tokens and of unlocked passphrase tokens.
 */
import browser from '../../shared/browser';
import type { TokenList } from '../../shared/messages';
import {
  type ApiEnvironment,
  redactToken,
  type StorageMode,
  type TokenIdentity,
  type TokenSummary,
} from '../../shared/tokens';
import { ActionError } from '../errors';
import {
  DecryptError,
  type Envelope,
  MIN_PASSPHRASE_LENGTH,
  openWithDeviceKey,
  openWithPassphrase,
  sealWithDeviceKey,
  sealWithPassphrase,
} from './crypto';
import { getDeviceKey } from './device-key';

const TOKENS_KEY = 'vault.tokens';
const ACTIVE_KEY = 'vault.activeId';
const secretKey = (id: string) => `vault.secret.${id}`;

/** What storage.local holds per token: its summary's lasting part, and ciphertext at most. */
type StoredToken = Omit<TokenSummary, 'active' | 'locked' | 'forgotten'> & { envelope?: Envelope };

export interface Credentials {
  token: string;
  summary: TokenSummary;
}

async function readStored(): Promise<{ tokens: StoredToken[]; activeId?: string }> {
  const data = await browser.storage.local.get([TOKENS_KEY, ACTIVE_KEY]);
  const tokens = Array.isArray(data[TOKENS_KEY]) ? (data[TOKENS_KEY] as StoredToken[]) : [];
  const activeId = typeof data[ACTIVE_KEY] === 'string' ? data[ACTIVE_KEY] : undefined;
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
  await browser.storage.local.set({ [TOKENS_KEY]: tokens, [ACTIVE_KEY]: activeId ?? null });
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
    throw new ActionError(
      'weak_passphrase',
      `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters to lock the token with.`,
    );
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
  };
  if (mode === 'device') stored.envelope = await sealWithDeviceKey(await getDeviceKey(), token);
  if (mode === 'passphrase') stored.envelope = await sealWithPassphrase(passphrase!, token);
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
  await browser.storage.local.set({ [ACTIVE_KEY]: id });
  return listTokens();
});

export const unlockToken = oneAtATime(
  async (id: string, passphrase: string): Promise<TokenList> => {
    const stored = (await readStored()).tokens.find((t) => t.id === id);
    if (!stored) throw unknownToken();
    if (stored.mode !== 'passphrase' || !stored.envelope) {
      throw new ActionError('not_locked', 'This token is not locked with a passphrase.');
    }
    try {
      const token = await openWithPassphrase(passphrase, stored.envelope);
      await browser.storage.session.set({ [secretKey(id)]: token });
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
// re-decrypting it each time. Any change to the vault's storage forgets it at once.
const CREDENTIALS_MEMO_MS = 30_000;
const memo = new Map<string, { credentials: Promise<Credentials>; until: number }>();
browser.storage.onChanged.addListener((changes) => {
  if (Object.keys(changes).some((key) => key.startsWith('vault.'))) memo.clear();
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
    throw new ActionError(
      'no_token',
      'No Slack admin token is saved yet. Open the settings and save one to start resetting sessions.',
    );
  }
  let token = await sessionSecret(stored.id);
  if (!token && stored.mode === 'device' && stored.envelope) {
    try {
      token = await openWithDeviceKey(await getDeviceKey(), stored.envelope);
    } catch (error) {
      if (error instanceof DecryptError) throw new ActionError('undecryptable', error.message);
      throw error;
    }
  }
  if (!token && stored.mode === 'passphrase') {
    throw new ActionError(
      'locked',
      `The token for ${stored.team} is locked. Enter its passphrase to unlock it.`,
      {
        tokenId: stored.id,
      },
    );
  }
  if (!token) {
    throw new ActionError(
      'forgotten',
      `The token for ${stored.team} was forgotten when the browser closed. Paste it again in the settings.`,
      { tokenId: stored.id },
    );
  }
  return { token, summary: summarise(stored, activeId, true) };
}

function unknownToken(): ActionError {
  return new ActionError(
    'unknown_token',
    'That token is no longer saved. Reopen the page and pick another one.',
  );
}
