// Public API of the fake Slack: start one, drive it, inspect it, close it.

import { fakeCertificate } from './cert';
import { listen } from './server';
import { activeSessionRefs, type PlantSpec, type SessionRef } from './sessions';
import { DEFAULT_CONFIG, FakeState } from './state';
import type {
  ActiveSessionRecord,
  BulkSemantics,
  FakeConfig,
  Fault,
  MemberSessionSettings,
  Org,
  RecordedRequest,
  TokenSpec,
} from './types';

export { ADMIN_SCOPES, accountType, SANDBOX, seedOrg, toUserObject } from './org';
export type { PlantSpec, SessionRef } from './sessions';
export type {
  ActiveSessionRecord,
  BulkSemantics,
  Enterprise,
  Env,
  FakeConfig,
  Fault,
  Member,
  MemberSessionSettings,
  Org,
  RecordedRequest,
  SessionDevice,
  SessionKind,
  TokenSpec,
  Workspace,
} from './types';

export interface FakeSlackOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Generated members on top of the named ones; default 600. */
  extraMembers?: number;
  /**
   * Generated sessions on top of the seeded ones, for more generated members (1 to 4
   * sessions each, both workspaces); default 0. Same every start and after reset().
   */
  orgSessions?: number;
  /** Max sessions per admin.users.session.list page, whatever `limit` asks; default 1000. */
  sessionPageSize?: number;
  /** Delay before a resetBulk job applies; default 0 (still after the response). */
  bulkDelayMs?: number;
  /** What resetBulk does when some members cannot be reset; default 'some-failed'. */
  bulkSemantics?: BulkSemantics;
}

export interface FakeSlack {
  port: number;
  /** https://127.0.0.1:PORT */
  origin: string;
  /** PEM certificate the server presents (self-signed; shared by every instance in the process). */
  cert: string;
  /** For Chromium's --ignore-certificate-errors-spki-list. */
  spkiFingerprint: string;
  /** Every API request in arrival order (not page loads, not /_fake). Cleared by reset(). */
  readonly requests: RecordedRequest[];
  requestsFor(method: string): RecordedRequest[];
  /**
   * How many times resetBulk calls listed this member, whatever they were answered (a fault,
   * a 429, an error): every listing counts, a repeat within one call too.
   */
  bulkSendsOf(userId: string): number;
  /** Live state; replaced (not mutated) by reset(), so read it through this property. */
  readonly org: Org;
  readonly config: Readonly<FakeConfig>;
  sessionsOf(userId: string): ActiveSessionRecord[];
  /** The member's session policy as setSettings left it (a copy); undefined when none applies. */
  sessionSettingsOf(userId: string): MemberSessionSettings | undefined;
  /** Every active session in list order, IDs as digit strings. */
  activeSessions(): SessionRef[];
  activeSessionIds(): string[];
  /**
   * Adds sessions (see PlantSpec) and returns their IDs as digit strings, in the order given.
   * Throws, planting none, if any names an unknown member or a workspace they are not in.
   */
  plantSessions(specs: PlantSpec[]): string[];
  /** Per method per token, fixed window. Method '*' applies to every method. */
  setRateLimit(method: string, limit: number, windowMs: number): void;
  clearRateLimits(): void;
  /** Method '*' matches any API method; `times` defaults to 1. */
  injectFault(method: string, fault: Fault, times?: number): void;
  configure(patch: Partial<FakeConfig>): void;
  addToken(spec: TokenSpec): void;
  /** Applies pending resetBulk jobs now. */
  flushBulkResets(): void;
  /** Seeded members, sessions, tokens; no requests, faults, limits or pending jobs; initial config. */
  reset(): void;
  /** Stops listening, destroys open sockets, clears timers. */
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const host = options.host ?? '127.0.0.1';
  const orgSessions = options.orgSessions ?? 0;
  if (!Number.isInteger(orgSessions) || orgSessions < 0)
    throw new Error('orgSessions must be a non-negative integer');
  const state = new FakeState(
    options.extraMembers ?? 600,
    {
      sessionPageSize: options.sessionPageSize ?? DEFAULT_CONFIG.sessionPageSize,
      bulkDelayMs: options.bulkDelayMs ?? DEFAULT_CONFIG.bulkDelayMs,
      bulkSemantics: options.bulkSemantics ?? DEFAULT_CONFIG.bulkSemantics,
    },
    orgSessions,
  );
  const cert = await fakeCertificate();
  const running = await listen(state, cert, options.port ?? 0, host);
  let closing: Promise<void> | undefined;

  return {
    port: running.port,
    origin: `https://${host.includes(':') ? `[${host}]` : host}:${running.port}`,
    cert: cert.cert,
    spkiFingerprint: cert.spkiFingerprint,
    requests: state.requests,
    requestsFor: (method) => state.requests.filter((r) => r.method === method),
    bulkSendsOf: (userId) =>
      state.requests.reduce(
        (sends, r) => sends + (r.userIds?.filter((id) => id === userId).length ?? 0),
        0,
      ),
    get org() {
      return state.org;
    },
    get config() {
      return state.config;
    },
    sessionsOf: (userId) => state.org.sessions.filter((s) => s.user_id === userId),
    sessionSettingsOf: (userId) => {
      const settings = state.org.sessionSettings.get(userId);
      return settings && { ...settings };
    },
    activeSessions: () => activeSessionRefs(state.org),
    activeSessionIds: () => state.org.sessions.map((s) => String(s.session_id)),
    plantSessions: (specs) => state.plantSessions(specs),
    setRateLimit: (method, limit, windowMs) => state.limits.set(method, limit, windowMs),
    clearRateLimits: () => state.limits.clear(),
    injectFault: (method, fault, times) => state.faults.inject(method, fault, times),
    configure: (patch) => state.configure(patch),
    addToken: (spec) => state.addToken(spec),
    flushBulkResets: () => state.flushJobs(),
    reset: () => state.reset(),
    close: () => {
      closing ??= (async () => {
        state.close();
        await running.close();
      })();
      return closing;
    },
  };
}
