/** Which failed resets are worth one more press of Retry failed: those that may pass now. */
import { ActionError } from '../../../core/background/errors';
import { isSlackApiError, isSlackTransportError } from '../../../slack';

/** Slack's own "try again later" answers; a refusal (not allowed, not found…) stays a refusal. */
const TRANSIENT_CODES = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/** A locked or forgotten token passes once it is unlocked or pasted again. */
const TOKEN_AWAY = new Set(['locked', 'forgotten']);

export function mayPassNextTime(error: unknown): boolean {
  if (isSlackTransportError(error)) return true;
  if (isSlackApiError(error)) return TRANSIENT_CODES.has(error.code);
  return error instanceof ActionError && TOKEN_AWAY.has(error.code);
}
