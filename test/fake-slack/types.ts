// Shared shapes of the fake's state, kept apart so every module can import them without cycles.

export type Env = 'commercial' | 'gov';

/** One workspace (team) of the org. */
export interface Workspace {
  id: string;
  name: string;
  /** Subdomain: `https://<domain>.slack.com/`. */
  domain: string;
}

export interface Enterprise {
  id: string;
  name: string;
  /** Subdomain of `enterprise.slack.com` / `enterprise.slack-gov.com`. */
  domain: string;
}

/** A member as the fake stores it; `users.info` serialises it to Slack's user object. */
export interface Member {
  id: string;
  /** Username handle (`name` in Slack's user object). */
  name: string;
  realName: string;
  displayName: string;
  /** Empty for bots. */
  email: string;
  title: string;
  deleted: boolean;
  isBot: boolean;
  /** Org-level roles: these drive admin/owner checks and the account-type labels. */
  isAdmin: boolean;
  isOwner: boolean;
  isPrimaryOwner: boolean;
  /** Workspaces the member belongs to; the first is their home `team_id`. */
  teams: string[];
  botId?: string;
}

export type SessionKind = 'web' | 'desktop' | 'mobile';

export interface SessionDevice {
  device_hardware: string;
  os: string;
  os_version: string;
  slack_client_version: string;
  ip: string;
}

/** One active session, in the field names `admin.users.session.list` uses. */
export interface ActiveSessionRecord {
  user_id: string;
  team_id: string;
  /** A JSON number on the wire; a bigint once it is past 2^53, so every digit stays exact. */
  session_id: number | bigint;
  created: SessionDevice;
  /** Slack leaves it out now and then. */
  recent?: SessionDevice;
  /** Internal: decides what web_only / mobile_only clear. Never serialised. */
  kind: SessionKind;
}

export interface TokenSpec {
  token: string;
  env: Env;
  kind: 'user' | 'bot';
  userId: string;
  scopes: string[];
  isAdmin: boolean;
  isPrimaryOwner: boolean;
  /** Bot tokens only; defaults to the member's botId. */
  botId?: string;
  /** An app installed on one workspace, not the organization: admin methods refuse it. */
  workspaceInstall?: boolean;
}

/** A member's own session policy (`admin.users.session.setSettings`); absent = none applied. */
export interface MemberSessionSettings {
  /** Seconds. */
  duration?: number;
  desktopAppBrowserQuit?: boolean;
}

/** Live state. `members` and `tokens` keep insertion order, which the pages show. */
export interface Org {
  enterprise: Enterprise;
  workspaces: Workspace[];
  members: Map<string, Member>;
  sessions: ActiveSessionRecord[];
  tokens: Map<string, TokenSpec>;
  /** By user ID; only members with at least one setting applied. Seeded empty. */
  sessionSettings: Map<string, MemberSessionSettings>;
}

export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'html' }
  | { kind: 'ratelimit'; retryAfter: number }
  | { kind: 'error'; error: string };

export interface RecordedRequest {
  /** Slack method name, e.g. `admin.users.session.reset`. */
  method: string;
  httpMethod: string;
  host: string;
  path: string;
  contentType: string;
  authorization?: string;
  /** From the Authorization header or the `token` field. */
  token?: string;
  /** Form, query and JSON fields flattened to strings; JSON arrays/objects JSON-stringified. */
  params: Record<string, string>;
  rawBody: string;
  /** HTTP status sent; 0 when a fault destroyed the socket. */
  status: number;
  /** Parsed JSON sent, or the raw text for `malformed`/`html` faults, or null for `reset`. */
  response: unknown;
  /**
   * resetBulk only: its `user_ids` as listed (repeats kept), whatever the answer, so tests can
   * count how often each member was sent. Absent when they cannot be read.
   */
  userIds?: string[];
  at: number;
}

/**
 * How `resetBulk` answers when some listed members cannot be reset. Slack documents both
 * `failed_for_some_users` and the per-member errors, but not which members failed:
 * `some-failed` resets the others and answers `failed_for_some_users` without naming anyone;
 * `whole-call` refuses the whole call with the first such member's own error, resetting no one.
 */
export type BulkSemantics = 'some-failed' | 'whole-call';

export interface FakeConfig {
  /** Max sessions per `admin.users.session.list` page, whatever `limit` says. */
  sessionPageSize: number;
  /** How long `resetBulk` waits before applying its job. */
  bulkDelayMs: number;
  bulkSemantics: BulkSemantics;
}
