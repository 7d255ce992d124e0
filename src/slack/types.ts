/** The plain objects the client returns. Slack's snake_case wire format stays inside `decode.ts`. */

import type { SessionId, UserId } from '../shared/ids';
import type { DeviceScope } from '../shared/scope';
import type { RateGate } from './rate-gate';

export interface AuthTestResult {
  /** Workspace URL, or the organization URL for an org-wide install. */
  url: string;
  /** Workspace or organization name. */
  team: string;
  /** The token owner's user name. */
  user: string;
  teamId: string;
  userId: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  botId?: string;
  appId?: string;
  /** From the `X-OAuth-Scopes` header: what the token may do. */
  scopes: string[];
}

export interface DeviceInfo {
  deviceHardware?: string;
  os?: string;
  osVersion?: string;
  slackClientVersion?: string;
  ip?: string;
}

export interface ActiveSession {
  userId: UserId;
  /** A workspace `T…` ID, or the organization's `E…` ID (Slack's own example shows one). */
  teamId: string;
  /** An exact digit string: session IDs pass 2^31 and must never be rounded. */
  sessionId: SessionId;
  created?: DeviceInfo;
  recent?: DeviceInfo;
}

export interface SessionsPage {
  sessions: ActiveSession[];
  /** Absent on the last page. */
  nextCursor?: string;
  /** Items without a usable session or member ID, left out. */
  skipped?: number;
}

export interface SlackUser {
  id: UserId;
  teamId?: string;
  name?: string;
  realName?: string;
  displayName?: string;
  email?: string;
  isAdmin: boolean;
  isOwner: boolean;
  isPrimaryOwner: boolean;
  isBot: boolean;
  deleted: boolean;
  enterpriseId?: string;
  /** `enterprise_user.teams`: the workspaces of the organization the member belongs to. */
  enterpriseTeams: string[];
}

export interface RateLimitInfo {
  method: string;
  retryAfterSeconds: number;
}

export interface SlackClientOptions {
  token: string;
  /** `SLACK_API_BASE` or `GOVSLACK_API_BASE`. */
  apiBase: string;
  fetch: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Per attempt. Default 15000: below the 30 s an MV3 service worker allows a fetch. */
  timeoutMs?: number;
  /** Retries after network errors, timeouts and HTTP 5xx. Default 3. */
  maxRetries?: number;
  /** The longest single Retry-After the client sleeps through itself. Default 30000. */
  maxRateLimitWaitMs?: number;
  /** Default 5. */
  maxRateLimitRetries?: number;
  /** Told about every rate-limited answer, e.g. to show "Slack asked to wait". */
  onRateLimited?: (info: RateLimitInfo) => void;
  /** Aborting it stops the call at once, without retrying. */
  signal?: AbortSignal;
  /** Shared pacing across clients of the same token (see rate-gate.ts). */
  rateGate?: RateGate;
  /**
   * Asked after a request could not reach Slack: false when the browser withholds access to
   * the API host. Then the call fails at once, naming the host, instead of retrying a request
   * the browser will keep refusing.
   */
  hasSiteAccess?: (apiBase: string) => Promise<boolean>;
}

export interface InvalidateSessionArgs {
  sessionId: SessionId;
  userId?: UserId;
  teamId?: string;
}

export interface ListSessionsArgs {
  userId?: UserId;
  teamId?: string;
  /** 1 to 1000 (Slack's default is 1000). */
  limit?: number;
  cursor?: string;
}

/** A write Slack confirmed. `resent`: an earlier attempt timed out, so it was sent twice. */
export interface WriteOutcome {
  resent: boolean;
}

export interface InvalidateOutcome extends WriteOutcome {
  /**
   * The resend found no such session: most likely the first attempt ended it. Reported as
   * "probably ended already", not as a failure.
   */
  probablyEndedAlready: boolean;
}

/** A member's own session policy. A setting left out is one Slack says is not set. */
export interface SessionSettings {
  userId: UserId;
  /** Seconds a session lasts before the member must sign in again. */
  duration?: number;
  /** Closing the desktop app or the browser ends the session. */
  desktopAppBrowserQuit?: boolean;
  /** False when Slack left the member out of its answer: their settings are not known. */
  reported: boolean;
}

/** What to change; a setting left out keeps its current value. At least one is needed. */
export interface SessionSettingsChange {
  /** Seconds, from 28800 (8 hours) to 315569520 (10 years). */
  duration?: number;
  desktopAppBrowserQuit?: boolean;
}

export interface SlackClient {
  authTest(): Promise<AuthTestResult>;
  resetSessions(userId: UserId, scope: DeviceScope): Promise<WriteOutcome>;
  invalidateSession(args: InvalidateSessionArgs): Promise<InvalidateOutcome>;
  listSessions(args?: ListSessionsArgs): Promise<SessionsPage>;
  listAllSessions(args: { userId: UserId; teamId: string }): Promise<ActiveSession[]>;
  /** Slack only enqueues the job: `ok` does not mean every session is already gone. */
  resetBulk(userIds: readonly UserId[], scope: DeviceScope): Promise<void>;
  lookupByEmail(email: string): Promise<SlackUser>;
  usersInfo(userId: UserId): Promise<SlackUser>;
  /** A member who has no policy of their own, or no active sessions, has no settings. */
  getSessionSettings(userId: UserId): Promise<SessionSettings>;
  setSessionSettings(userId: UserId, settings: SessionSettingsChange): Promise<WriteOutcome>;
  /** Back to the organization's defaults. */
  clearSessionSettings(userId: UserId): Promise<WriteOutcome>;
}
