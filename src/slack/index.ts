/** The Slack Web API client: pure TypeScript, fetch injected. Only the background uses it. */

export {
  describeSlackError,
  type ErrorContext,
  isKnownErrorCode,
  KNOWN_ERROR_CODES,
} from './catalogue';
export {
  createSlackClient,
  MAX_BULK_USERS,
  MAX_SESSION_DURATION_SECONDS,
  MAX_SESSION_PAGES,
  MAX_SESSIONS_PAGE,
  MIN_SESSION_DURATION_SECONDS,
} from './client';
export {
  isRetryableSlackError,
  isSlackApiError,
  isSlackError,
  isSlackTransportError,
  SlackAbortError,
  SlackApiError,
  SlackArgumentError,
  SlackError,
  SlackTransportError,
  type SlackTransportKind,
} from './errors';
export { createRateGate, DEFAULT_MAX_IN_FLIGHT, type RateGate, tokenTag } from './rate-gate';
export {
  createTransport,
  DEFAULT_MAX_RATE_LIMIT_RETRIES,
  DEFAULT_MAX_RATE_LIMIT_WAIT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type FormValue,
  GOVSLACK_API_BASE,
  parseRetryAfter,
  parseScopes,
  SLACK_API_BASE,
  type SlackCall,
  type SlackCallResult,
} from './transport';
export type {
  ActiveSession,
  AuthTestResult,
  DeviceInfo,
  InvalidateOutcome,
  InvalidateSessionArgs,
  ListSessionsArgs,
  RateLimitInfo,
  SessionSettings,
  SessionSettingsChange,
  SessionsPage,
  SlackClient,
  SlackClientOptions,
  SlackUser,
  WriteOutcome,
} from './types';
