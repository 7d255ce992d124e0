// Injected failures: what a flaky network or a bad Slack day looks like to the client.
// Faults other than `delay` answer instead of the method, so state is left untouched.

import type { ServerResponse } from 'node:http';
import type { Fault } from './types';
import { sendJson, sendText } from './wire';

interface Queued {
  method: string;
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private queued: Queued[] = [];

  /** `method` '*' matches any API method. Faults are used in the order they were injected. */
  inject(method: string, fault: Fault, times = 1): void {
    const checked = checkFault(fault);
    if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
    this.queued.push({ method, fault: checked, remaining: times });
  }

  /** Consumes one use of the first fault that matches, if any. */
  take(method: string): Fault | undefined {
    const entry = this.queued.find((q) => q.method === method || q.method === '*');
    if (!entry) return undefined;
    entry.remaining--;
    if (entry.remaining === 0) this.queued = this.queued.filter((q) => q !== entry);
    return entry.fault;
  }

  clear(): void {
    this.queued = [];
  }
}

/** Validates a fault that may have come over the control endpoint as JSON. */
export function checkFault(input: unknown): Fault {
  const f = input as Partial<Record<string, unknown>> | null;
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  switch (f?.kind) {
    case 'delay':
      if (num(f.ms)) return { kind: 'delay', ms: f.ms };
      break;
    case 'status':
      if (num(f.status) && f.status >= 100 && f.status <= 599)
        return { kind: 'status', status: f.status };
      break;
    case 'reset':
    case 'malformed':
    case 'html':
      return { kind: f.kind };
    case 'ratelimit':
      if (num(f.retryAfter)) return { kind: 'ratelimit', retryAfter: f.retryAfter };
      break;
    case 'error':
      if (typeof f.error === 'string' && f.error) return { kind: 'error', error: f.error };
      break;
  }
  throw new Error(`not a valid fault: ${JSON.stringify(input)}`);
}

const HTML_ERROR = `<!DOCTYPE html>
<html><head><title>Slack is having trouble</title></head>
<body><h1>Slack is having trouble</h1><p>We're sorry, something went wrong. Please try again in a few minutes.</p></body></html>
`;

/** The error codes Slack pairs with server-side statuses. */
function statusError(status: number): string {
  if (status === 503) return 'service_unavailable';
  if (status === 504) return 'request_timeout';
  return 'internal_error';
}

/**
 * Answers with the fault (everything but `delay`). Returns what to record:
 * the status sent (0 for a destroyed socket) and the body as sent.
 */
export function answerWithFault(
  res: ServerResponse,
  fault: Exclude<Fault, { kind: 'delay' }>,
  headers: Record<string, string>,
): { status: number; response: unknown } {
  switch (fault.kind) {
    case 'reset':
      res.socket?.destroy();
      return { status: 0, response: null };
    case 'malformed': {
      // Cut mid-object, as a proxy dropping the connection after the headers would.
      const text = '{"ok":true,"response_metadata":{"messa';
      sendText(res, 200, 'application/json; charset=utf-8', text, headers);
      return { status: 200, response: text };
    }
    case 'html':
      sendText(res, 200, 'text/html; charset=utf-8', HTML_ERROR);
      return { status: 200, response: HTML_ERROR };
    case 'status': {
      const body = { ok: false, error: statusError(fault.status) };
      sendJson(res, fault.status, body, headers);
      return { status: fault.status, response: body };
    }
    case 'ratelimit': {
      const body = { ok: false, error: 'ratelimited' };
      sendJson(res, 429, body, { ...headers, 'retry-after': String(fault.retryAfter) });
      return { status: 429, response: body };
    }
    case 'error': {
      const body = { ok: false, error: fault.error };
      sendJson(res, 200, body, headers);
      return { status: 200, response: body };
    }
  }
}
