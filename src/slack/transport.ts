/**
 * One Web API call: encode, send, time out, retry, wait out 429s, parse. Pure: fetch, sleep,
 * clock and randomness are injected, so every branch runs in unit tests without waiting.
 */

import { t } from '../shared/i18n';
import { parseUrl } from '../shared/url';
import { describeNoSiteAccess, describeSlackError } from './catalogue';
import {
  redact,
  SlackAbortError,
  SlackApiError,
  SlackArgumentError,
  SlackTransportError,
  type SlackTransportKind,
} from './errors';
import { tokenTag } from './rate-gate';
import type { SlackClientOptions } from './types';

export const SLACK_API_BASE = 'https://slack.com/api/';
export const GOVSLACK_API_BASE = 'https://slack-gov.com/api/';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 30_000;
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 5;

const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;
/** Up to +25 %, so many workers that failed together do not retry together. */
const BACKOFF_JITTER = 0.25;
/** When Slack sends no usable Retry-After. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

export type FormValue = string | number | boolean | undefined;

export interface SlackCallResult {
  body: Record<string, unknown>;
  /** `X-OAuth-Scopes`: what the token may do. */
  scopes: string[];
  /** `X-Accepted-OAuth-Scopes`: what the method accepts. */
  acceptedScopes: string[];
  /** An earlier attempt of this call timed out and may have reached Slack: this is a resend. */
  resent: boolean;
}

/**
 * Methods that change something. One of these whose attempt failed in transit (a timeout, a
 * 5xx, a dropped connection) may have been carried out: it is sent again once at most, and
 * what comes back says it was a resend.
 */
const WRITE_METHODS = new Set<string>([
  'admin.users.session.reset',
  'admin.users.session.invalidate',
  'admin.users.session.resetBulk',
  'admin.users.session.setSettings',
  'admin.users.session.clearSettings',
]);

export type SlackCall = (
  method: string,
  params?: Record<string, FormValue>,
) => Promise<SlackCallResult>;

// Session IDs are integers past 2^31 and could pass 2^53: quote them before JSON.parse ever
// sees them, so they stay exact digit strings. The lookahead leaves non-integers alone.
const BARE_SESSION_ID = /"session_id"\s*:\s*(\d+)(?=\s*[,}\]])/g;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A comma-separated scope header as a list. */
export function parseScopes(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `Retry-After` in seconds: a number of seconds or an HTTP date; missing or garbage -> 1. */
export function parseRetryAfter(header: string | null, now: number): number {
  const value = header?.trim() ?? '';
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  const date = value ? Date.parse(value) : Number.NaN;
  if (!Number.isNaN(date) && /[A-Za-z]/.test(value)) {
    return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/** Only https, except plain http on this machine (a local fake Slack). */
function checkApiBase(apiBase: string): string {
  const url = parseUrl(apiBase);
  if (!url) throw new SlackArgumentError(t('err_apiBaseInvalid'));
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new SlackArgumentError(t('err_apiBaseHttps'));
  }
  return apiBase.endsWith('/') ? apiBase : `${apiBase}/`;
}

/**
 * Header values with spaces or control characters make fetch throw a TypeError that quotes the
 * value — the token. Refuse such a token here with a sentence that does not contain it.
 */
function checkToken(token: string): void {
  if (typeof token !== 'string' || token === '') {
    throw new SlackArgumentError(t('err_noTokenSaved'));
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new SlackArgumentError(t('err_tokenCharacters'));
  }
}

function encodeForm(params: Record<string, FormValue>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) form.append(name, String(value));
  }
  return form.toString();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string');
  return list.length > 0 ? list : undefined;
}

/** Rejects as soon as `signal` aborts, for promises (a fake fetch, a body read) that ignore it. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Frees a body we will not read, without caring whether that works. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** What one attempt came to, before the retry policy decides. */
type Attempt =
  | { type: 'answer'; body: Record<string, unknown>; response: Response }
  | {
      type: 'rate_limited';
      retryAfterSeconds: number;
      status: number;
      body?: Record<string, unknown>;
    }
  | { type: 'transient'; kind: SlackTransportKind; status?: number; detail?: string };

export function createTransport(options: SlackClientOptions): SlackCall {
  checkToken(options.token);
  const apiBase = checkApiBase(options.apiBase);
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of
  // some other object (here: the options object).
  const doFetch = options.fetch;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const maxRateLimitWaitMs = options.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  const maxRateLimitRetries = options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
  const outer = options.signal;
  const gate = options.rateGate;
  const tag = tokenTag(options.token);
  const headers = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
  };

  const transportSentence = (kind: SlackTransportKind, status?: number): string => {
    switch (kind) {
      case 'network':
        return t('err_network');
      case 'timeout': {
        const seconds = Math.max(1, Math.round(timeoutMs / 1000));
        return seconds === 1 ? t('err_timeoutOne') : t('err_timeoutMany', seconds);
      }
      case 'http':
        if (status === undefined) return t('err_httpUnexpectedNoStatus');
        return status >= 500 ? t('err_httpServer', status) : t('err_httpUnexpected', status);
      case 'malformed':
        return t('err_malformed');
      case 'no_access':
        return describeNoSiteAccess(new URL(apiBase).host);
    }
  };

  /** After a request that never reached Slack: is it the browser refusing the host? */
  const accessWithheld = async (): Promise<boolean> => {
    if (!options.hasSiteAccess) return false;
    try {
      return !(await options.hasSiteAccess(apiBase));
    } catch {
      // Unable to tell: treat it as the network problem it looked like.
      return false;
    }
  };

  const transportError = (
    method: string,
    kind: SlackTransportKind,
    attempts: number,
    status?: number,
    detail?: string,
    { uncertain = false } = {},
  ) =>
    new SlackTransportError({
      kind,
      method,
      attempts,
      status,
      detail,
      uncertain,
      sentence: uncertain
        ? `${transportSentence(kind, status)} ${t('err_mayHaveHappened')}`
        : transportSentence(kind, status),
    });

  const throwIfAborted = (method: string) => {
    if (outer?.aborted) throw new SlackAbortError(method);
  };

  /** Sleeps, but wakes (and throws) at once if the caller aborts. */
  const pause = async (method: string, ms: number) => {
    if (outer) {
      await untilAborted(sleep(ms), outer).catch((error: unknown) => {
        if (outer.aborted) throw new SlackAbortError(method);
        throw error;
      });
    } else {
      await sleep(ms);
    }
    throwIfAborted(method);
  };

  const backoffMs = (retry: number) =>
    Math.round(
      Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** retry) * (1 + BACKOFF_JITTER * random()),
    );

  const parseBody = (text: string): Record<string, unknown> | undefined => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(BARE_SESSION_ID, '"session_id":"$1"'));
    } catch {
      return undefined;
    }
    return isRecord(parsed) && typeof parsed.ok === 'boolean' ? parsed : undefined;
  };

  /** One request with its own timeout (which also covers reading the body). */
  const attempt = async (method: string, body: string, attempts: number): Promise<Attempt> => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onOuterAbort = () => controller.abort();
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      const response = await untilAborted(
        doFetch(`${apiBase}${method}`, {
          method: 'POST',
          headers,
          body,
          signal: controller.signal,
          // Never send the browser's Slack cookies along: only the token speaks for the admin.
          credentials: 'omit',
          cache: 'no-store',
        }),
        controller.signal,
      );
      const { status } = response;
      if (status === 429) {
        discard(response);
        const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), now());
        return { type: 'rate_limited', retryAfterSeconds, status };
      }
      if (status >= 500) {
        discard(response);
        return { type: 'transient', kind: 'http', status };
      }
      if (status !== 200) {
        discard(response);
        throw transportError(method, 'http', attempts, status);
      }
      const text = await untilAborted(response.text(), controller.signal);
      const parsed = parseBody(text);
      if (!parsed) throw transportError(method, 'malformed', attempts, status);
      // Slack may also say `ratelimited` in a 200 answer: wait it out the same way.
      if (parsed.ok === false && parsed.error === 'ratelimited') {
        const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), now());
        return { type: 'rate_limited', retryAfterSeconds, status, body: parsed };
      }
      return { type: 'answer', body: parsed, response };
    } catch (error) {
      if (error instanceof SlackTransportError) throw error;
      if (outer?.aborted) throw new SlackAbortError(method);
      if (timedOut) return { type: 'transient', kind: 'timeout' };
      const detail = redact(
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        options.token,
      );
      return { type: 'transient', kind: 'network', detail };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  };

  const apiError = (
    method: string,
    body: Record<string, unknown>,
    extra: { retryAfterSeconds?: number; acceptedScopes?: string[]; resent?: boolean },
  ) => {
    const code = typeof body.error === 'string' && body.error ? body.error : 'unknown_error';
    // Without `needed` in the body, the accepted-scopes header still names what is missing.
    let needed = typeof body.needed === 'string' ? body.needed : undefined;
    if (needed === undefined && code === 'missing_scope' && extra.acceptedScopes?.length) {
      needed = extra.acceptedScopes.join(',');
    }
    const provided = typeof body.provided === 'string' ? body.provided : undefined;
    const metadata = isRecord(body.response_metadata) ? body.response_metadata : {};
    const single = typeof body.warning === 'string' ? parseScopes(body.warning) : [];
    const warnings = [...single, ...(stringList(metadata.warnings) ?? [])];
    const messages = stringList(metadata.messages);
    const clean = (list: string[] | undefined) => list?.map((m) => redact(m, options.token));
    return new SlackApiError({
      code,
      method,
      needed,
      provided,
      warnings: warnings.length > 0 ? clean(warnings) : undefined,
      messages: clean(messages),
      retryAfterSeconds: extra.retryAfterSeconds,
      resent: extra.resent,
      sentence: describeSlackError(code, {
        method,
        needed,
        provided,
        retryAfterSeconds: extra.retryAfterSeconds,
      }),
    });
  };

  return async (method, params = {}) => {
    const body = encodeForm(params);
    let attempts = 0;
    let retries = 0;
    let rateLimitRetries = 0;
    const writes = WRITE_METHODS.has(method);
    // A write whose attempt failed in transit may have been done already: resent once at most.
    let resent = false;
    for (;;) {
      throwIfAborted(method);
      attempts += 1;
      const laneKey = `${apiBase}${method}#${tag}`;
      // A hold longer than this client would sleep through itself is handed to the caller.
      const held = gate?.heldFor(laneKey) ?? 0;
      if (held > maxRateLimitWaitMs) {
        throw apiError(
          method,
          { ok: false, error: 'ratelimited' },
          { retryAfterSeconds: Math.ceil(held / 1000), resent },
        );
      }
      const release = gate ? await gate.acquire(laneKey) : undefined;
      let outcome: Attempt | undefined;
      try {
        throwIfAborted(method);
        outcome = await attempt(method, body, attempts);
        // Hold the lane before freeing the slot, or a waiting call would slip through.
        if (gate && outcome.type === 'rate_limited') {
          gate.hold(laneKey, now() + outcome.retryAfterSeconds * 1000);
        }
      } finally {
        release?.(
          outcome?.type === 'rate_limited'
            ? 'limited'
            : outcome?.type === 'answer'
              ? 'admitted'
              : 'failed',
        );
      }

      if (outcome.type === 'rate_limited') {
        const { retryAfterSeconds } = outcome;
        try {
          options.onRateLimited?.({ method, retryAfterSeconds });
        } catch {
          // A listener's mistake must not turn a wait into a failure.
        }
        const tooLong = retryAfterSeconds * 1000 > maxRateLimitWaitMs;
        if (tooLong || rateLimitRetries >= maxRateLimitRetries) {
          // Hand the wait to the caller: a service worker should schedule an alarm, not sleep.
          throw apiError(method, outcome.body ?? { ok: false, error: 'ratelimited' }, {
            retryAfterSeconds,
            resent,
          });
        }
        rateLimitRetries += 1;
        // With a shared gate (held above) every caller waits together; without, just this one.
        if (!gate) await pause(method, retryAfterSeconds * 1000);
        continue;
      }

      if (outcome.type === 'transient') {
        // A request the browser refused to send: retrying cannot help. Only an earlier attempt
        // of a write (timed out, resent) may have reached Slack.
        if (outcome.kind === 'network' && (await accessWithheld())) {
          throw transportError(method, 'no_access', attempts, undefined, undefined, {
            uncertain: writes && resent,
          });
        }
        // A timeout, a 5xx or a dropped connection may each come after Slack did the write.
        if (retries >= maxRetries || (writes && resent)) {
          throw transportError(method, outcome.kind, attempts, outcome.status, outcome.detail, {
            uncertain: writes,
          });
        }
        if (writes) resent = true;
        await pause(method, backoffMs(retries));
        retries += 1;
        continue;
      }

      const { response } = outcome;
      const scopes = parseScopes(response.headers.get('x-oauth-scopes'));
      const acceptedScopes = parseScopes(response.headers.get('x-accepted-oauth-scopes'));
      if (outcome.body.ok !== true)
        throw apiError(method, outcome.body, { acceptedScopes, resent });
      return { body: outcome.body, scopes, acceptedScopes, resent };
    }
  };
}
