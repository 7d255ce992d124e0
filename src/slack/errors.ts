/**
 * Errors thrown by the Slack client. Every one carries a plain sentence an admin can read
 * (`message === sentence`) and never the token: no request, headers, raw body or raw cause
 * is ever attached, because errors end up in logs, the activity log and the UI.
 */

import { t } from '../shared/i18n';

/**
 * Transport problems that are not Slack's `ok:false` answers. `no_access`: the browser withholds
 * the extension's access to the API host (the admin switched it off), so nothing was sent.
 */
export type SlackTransportKind = 'network' | 'timeout' | 'http' | 'malformed' | 'no_access';

const TRANSPORT_CODES = {
  network: 'network_error',
  timeout: 'timeout',
  http: 'http_error',
  malformed: 'malformed_response',
  no_access: 'no_site_access',
} as const satisfies Record<SlackTransportKind, string>;

export class SlackError extends Error {
  readonly code: string;
  readonly sentence: string;
  /** The Web API method that failed, e.g. `admin.users.session.reset`. */
  readonly method: string | undefined;

  constructor(code: string, sentence: string, method?: string) {
    super(sentence);
    this.name = 'SlackError';
    this.code = code;
    this.sentence = sentence;
    this.method = method;
  }
}

/** Slack answered `ok:false` (or HTTP 429, reported as Slack's own `ratelimited` code). */
export class SlackApiError extends SlackError {
  readonly needed: string | undefined;
  readonly provided: string | undefined;
  readonly warnings: string[] | undefined;
  readonly messages: string[] | undefined;
  /** Set for `ratelimited`: how long Slack asked to wait, so a job can reschedule itself. */
  readonly retryAfterSeconds: number | undefined;
  /** An earlier attempt timed out and may have reached Slack: this answer is to a resend. */
  readonly resent: boolean;

  constructor(init: {
    code: string;
    sentence: string;
    method: string;
    needed?: string | undefined;
    provided?: string | undefined;
    warnings?: string[] | undefined;
    messages?: string[] | undefined;
    retryAfterSeconds?: number | undefined;
    resent?: boolean | undefined;
  }) {
    super(init.code, init.sentence, init.method);
    this.name = 'SlackApiError';
    this.resent = init.resent ?? false;
    this.needed = init.needed;
    this.provided = init.provided;
    this.warnings = init.warnings;
    this.messages = init.messages;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request never produced a readable Slack answer. */
export class SlackTransportError extends SlackError {
  readonly kind: SlackTransportKind;
  /** HTTP status, when there was one. */
  readonly status: number | undefined;
  /** How many requests were sent before giving up. */
  readonly attempts: number;
  /** A short technical note (already cleaned of anything token-like), for diagnostics. */
  readonly detail: string | undefined;
  /** A write that timed out and may have been carried out all the same. */
  readonly uncertain: boolean;

  constructor(init: {
    kind: SlackTransportKind;
    sentence: string;
    method: string;
    status?: number | undefined;
    attempts: number;
    detail?: string | undefined;
    uncertain?: boolean | undefined;
  }) {
    super(TRANSPORT_CODES[init.kind], init.sentence, init.method);
    this.name = 'SlackTransportError';
    this.uncertain = init.uncertain ?? false;
    this.kind = init.kind;
    this.status = init.status;
    this.attempts = init.attempts;
    this.detail = init.detail;
  }
}

/**
 * The caller's own signal aborted the call. Named `AbortError` so code that already checks
 * `error.name === 'AbortError'` (as for a plain fetch) keeps working.
 */
export class SlackAbortError extends SlackError {
  constructor(method: string) {
    super('aborted', t('err_aborted'), method);
    this.name = 'AbortError';
  }
}

/**
 * The client was called with arguments Slack would refuse (a bad user ID, 1001 IDs, a user ID
 * without its workspace…). Thrown before anything is sent. A TypeError, since it is the
 * caller's mistake rather than Slack's answer, but it still carries a plain sentence.
 */
export class SlackArgumentError extends TypeError {
  readonly code = 'invalid_client_arguments';
  readonly sentence: string;

  constructor(sentence: string) {
    super(sentence);
    this.name = 'SlackArgumentError';
    this.sentence = sentence;
  }
}

export function isSlackError(error: unknown): error is SlackError {
  return error instanceof SlackError;
}

export function isSlackApiError(error: unknown, code?: string): error is SlackApiError {
  return error instanceof SlackApiError && (code === undefined || error.code === code);
}

export function isSlackTransportError(error: unknown): error is SlackTransportError {
  return error instanceof SlackTransportError;
}

// Slack codes that describe a passing condition on Slack's side: trying again later may work.
const TRANSIENT_API_CODES = new Set([
  'ratelimited',
  'internal_error',
  'service_unavailable',
  'request_timeout',
  'user_session_reset_failed',
  'session_invalidation_failed',
]);

/**
 * Whether the same call may succeed if made again later (for a job runner deciding between
 * "failed" and "try again"). Client-side retries have already been spent when this is asked.
 */
export function isRetryableSlackError(error: unknown): boolean {
  if (error instanceof SlackApiError) return TRANSIENT_API_CODES.has(error.code);
  if (error instanceof SlackTransportError) {
    return (
      error.kind === 'network' ||
      error.kind === 'timeout' ||
      (error.kind === 'http' && (error.status ?? 0) >= 500)
    );
  }
  return false;
}

const TOKEN_LIKE = /xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

/** Removes the token (and anything shaped like a Slack token) from text kept on an error. */
export function redact(text: string, token: string): string {
  let clean = token ? text.split(token).join('[token]') : text;
  clean = clean.replace(TOKEN_LIKE, '[token]');
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
