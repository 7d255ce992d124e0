/**
 * A rate-limited Slack as a `fetch`, for the bulk runner's unit tests: the three methods a
 * bulk job calls (admin.users.session.reset, admin.users.session.resetBulk,
 * users.lookupByEmail), each with its own fixed window per org (a burst is allowed at the
 * window's start), answering HTTP 429 with a whole-second Retry-After when over. It keeps
 * every call it was sent and every reset it carried out, so tests count calls, waits and
 * members reset twice. Time is the caller's clock (a fake one in tests).
 */

export const RESET = 'admin.users.session.reset';
export const RESET_BULK = 'admin.users.session.resetBulk';
export const LOOKUP = 'users.lookupByEmail';

/**
 * How resetBulk answers a call naming members it cannot reset. `whole-call`: the whole call is
 * refused with the first such member's own error and nothing is reset. `some-failed`: the
 * others are reset and the call answers failed_for_some_users, without saying for whom (even
 * when the call named that one member only).
 */
export type BulkSemantics = 'whole-call' | 'some-failed';

export interface FakeOrgSpec {
  id: string;
  /** Members that can be reset (and looked up as `<id>@example.com`, lower case). */
  members: readonly string[];
  bot?: string;
  primaryOwner?: string;
}

export interface SlackCall {
  method: string;
  org: string;
  token: string;
  /** On the caller's clock. */
  at: number;
  /** The members the call named (reset and resetBulk). */
  members: string[];
  email?: string;
  status: 200 | 429;
  ok: boolean;
  error?: string;
  retryAfterSeconds?: number;
}

/** Where a test's fetch comes from: a worker that was stopped never reaches Slack again. */
export interface Caller {
  dead: boolean;
}

/**
 * Called once Slack has carried out a call and before its answer leaves: `'hang'` keeps the
 * answer from ever arriving (the worker stopped while it was in flight); a promise holds it
 * until it settles.
 */
export type OnCall = (
  call: SlackCall,
  caller: Caller | undefined,
) => undefined | 'hang' | Promise<void>;

interface Window {
  start: number;
  count: number;
}

export interface RateLimitedSlackOptions {
  orgs: readonly FakeOrgSpec[];
  /** Token → org ID. */
  tokens: Record<string, string>;
  now: () => number;
  bulk?: BulkSemantics;
  /** Per method: calls admitted per window and the window's length. */
  limits?: Record<string, { limit: number; windowMs: number }>;
}

const never = <T>() => new Promise<T>(() => {});

export function emailOf(userId: string): string {
  return `${userId.toLowerCase()}@example.com`;
}

export function rateLimitedSlack(options: RateLimitedSlackOptions) {
  const orgs = new Map(
    options.orgs.map((o) => [
      o.id,
      {
        spec: o,
        members: new Set(o.members),
        emails: new Map(o.members.map((m) => [emailOf(m), m])),
      },
    ]),
  );
  const tokens = new Map(Object.entries(options.tokens));
  /** A token Slack no longer accepts, and what it answers instead. */
  const tokenErrors = new Map<string, string>();
  const limits = new Map(Object.entries(options.limits ?? {}));
  const windows = new Map<string, Window>();
  const calls: SlackCall[] = [];
  /** Member → how many times Slack reset them. */
  const resets = new Map<string, number>();
  let bulk: BulkSemantics = options.bulk ?? 'whole-call';
  /** resetBulk answers this instead (unknown_method, feature_not_enabled…). */
  let bulkRefusal: string | undefined;
  let onCall: OnCall | undefined;

  const refusal = (org: ReturnType<typeof orgs.get> & {}, userId: string): string | undefined => {
    if (userId === org.spec.bot) return 'cannot_reset_bot';
    if (userId === org.spec.primaryOwner) return 'cannot_reset_primary_owner';
    return org.members.has(userId) ? undefined : 'user_not_found';
  };
  const reset = (userId: string) => resets.set(userId, (resets.get(userId) ?? 0) + 1);

  /** Counts the call in its method's window; the seconds to wait when over. */
  const limited = (method: string, org: string, at: number): number | undefined => {
    const rule = limits.get(method);
    if (!rule) return undefined;
    const key = `${org}\n${method}`;
    let window = windows.get(key);
    if (!window || at - window.start >= rule.windowMs) {
      window = { start: at, count: 0 };
      windows.set(key, window);
    }
    window.count++;
    if (window.count <= rule.limit) return undefined;
    return Math.max(1, Math.ceil((window.start + rule.windowMs - at) / 1000));
  };

  function answer(
    method: string,
    token: string,
    form: URLSearchParams,
  ): { call: SlackCall; body: object } {
    const at = options.now();
    const orgId = tokens.get(token) ?? '';
    const org = orgs.get(orgId);
    const members =
      method === RESET
        ? [form.get('user_id') ?? '']
        : method === RESET_BULK
          ? (JSON.parse(form.get('user_ids') ?? '[]') as string[])
          : [];
    const call: SlackCall = { method, org: orgId, token, at, members, status: 200, ok: false };
    if (method === LOOKUP) call.email = form.get('email') ?? '';
    calls.push(call);
    const fail = (error: string) => {
      call.error = error;
      return { call, body: { ok: false, error } };
    };
    if (!org) return fail('invalid_auth');
    const tokenError = tokenErrors.get(token);
    if (tokenError) return fail(tokenError);
    const wait = limited(method, orgId, at);
    if (wait !== undefined) {
      call.status = 429;
      call.retryAfterSeconds = wait;
      return fail('ratelimited');
    }
    const done = () => {
      call.ok = true;
      return { call, body: { ok: true } };
    };
    if (method === RESET) {
      const refused = refusal(org, members[0]!);
      if (refused) return fail(refused);
      reset(members[0]!);
      return done();
    }
    if (method === RESET_BULK) {
      if (bulkRefusal) return fail(bulkRefusal);
      const refused = members.map((m) => refusal(org, m)).find(Boolean);
      if (!refused || bulk === 'some-failed')
        for (const m of members) if (!refusal(org, m)) reset(m);
      return refused ? fail(bulk === 'some-failed' ? 'failed_for_some_users' : refused) : done();
    }
    if (method === LOOKUP) {
      const id = org.emails.get((call.email ?? '').toLowerCase());
      if (!id) return fail('users_not_found');
      call.ok = true;
      return {
        call,
        body: {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: `Member ${id}`,
            profile: { email: call.email },
          },
        },
      };
    }
    return fail('unknown_method');
  }

  /** A fetch for one worker: once `caller.dead`, nothing it sends reaches Slack. */
  const fetchFor =
    (caller?: Caller): typeof fetch =>
    async (input, init) => {
      if (caller?.dead) return never();
      const method = new URL(String(input)).pathname.replace(/^\/api\//, '');
      const token = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
      const { call, body } = answer(method, token, new URLSearchParams(String(init?.body ?? '')));
      const hold = onCall?.(call, caller);
      if (hold === 'hang') return never();
      if (hold) await hold;
      return new Response(JSON.stringify(body), {
        status: call.status,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(call.retryAfterSeconds ? { 'retry-after': String(call.retryAfterSeconds) } : {}),
        },
      });
    };

  return {
    fetchFor,
    calls,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** How many times Slack reset this member. */
    resetsOf: (userId: string) => resets.get(userId) ?? 0,
    /** Members Slack reset more than once. */
    resetTwice: () => [...resets].filter(([, n]) => n > 1).map(([id]) => id),
    /** Slack answers this token with `code` from now on (invalid_auth, token_revoked…). */
    refuseToken(token: string, code: string) {
      tokenErrors.set(token, code);
    },
    refuseBulk(code: string | undefined) {
      bulkRefusal = code;
    },
    setBulkSemantics(semantics: BulkSemantics) {
      bulk = semantics;
    },
    onCall(hook: OnCall | undefined) {
      onCall = hook;
    },
  };
}

export type RateLimitedSlack = ReturnType<typeof rateLimitedSlack>;
