import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserId } from '../shared/ids';
import { createRateGate, createSlackClient, tokenTag } from '.';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * Calls through `gate` as a Slack that refuses the ones marked limited (Retry-After 1 s) would
 * answer them; `grantedAt` is when each was let through.
 */
function slackAdmitting(gate: ReturnType<typeof createRateGate>) {
  const grantedAt: number[] = [];
  const call = async (limited: boolean) => {
    const release = await gate.acquire('reset');
    grantedAt.push(Date.now());
    if (limited) gate.hold('reset', Date.now() + 1000);
    release(limited ? 'limited' : 'admitted');
  };
  return { call, grantedAt };
}

describe('the shared rate gate', () => {
  it('holds every caller of a key until the time Slack asked for', async () => {
    const gate = createRateGate({ now: () => Date.now() });
    gate.hold('reset', Date.now() + 1000);
    const granted: string[] = [];
    const a = gate.acquire('reset').then((release) => {
      granted.push('a');
      release('admitted');
    });
    const other = gate.acquire('list').then((release) => {
      granted.push('other key');
      release('admitted');
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(granted).toEqual(['other key']);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([a, other]);
    expect(granted).toEqual(['other key', 'a']);
  });

  it('keeps at most maxInFlight calls of a key in flight', async () => {
    const gate = createRateGate({ maxInFlight: 2 });
    const releases: ((outcome: 'admitted') => void)[] = [];
    const started: number[] = [];
    const calls = [0, 1, 2, 3].map((i) =>
      gate.acquire('k').then((release) => {
        started.push(i);
        releases.push(release);
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    releases[0]!('admitted');
    releases[0]!('admitted'); // releasing twice frees one slot only
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    releases[1]!('admitted');
    releases[2]!('admitted');
    await Promise.all(calls);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('learns the window from a 429 and paces the next windows without another one', async () => {
    const { call, grantedAt } = slackAdmitting(createRateGate({ maxInFlight: 10 }));
    const start = Date.now();
    // Slack admits 2 calls per 1 s window; the third is refused with Retry-After 1.
    await Promise.all([call(false), call(false), call(true)]);
    const later = [0, 1, 2, 3, 4].map(() => call(false));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(later);
    // After the 429: two per window, each window opening 1 s (plus a small margin) after the last.
    expect(grantedAt.map((at) => at - start)).toEqual([0, 0, 0, 1000, 1000, 2015, 2015, 3030]);
  });

  it('keeps what it learned for callers that come one at a time', async () => {
    const { call, grantedAt } = slackAdmitting(createRateGate({ maxInFlight: 10 }));
    const start = Date.now();
    // As above, but each call waits for the one before: a confirmation's resets, in turn.
    const run = (async () => {
      for (const limited of [false, false, true]) await call(limited);
      for (let i = 0; i < 5; i++) await call(false);
    })();
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    expect(grantedAt.map((at) => at - start)).toEqual([0, 0, 0, 1000, 1000, 2015, 2015, 3030]);
  });

  it('starts a new window for a caller that comes after the learned one has passed', async () => {
    const { call, grantedAt } = slackAdmitting(createRateGate({ maxInFlight: 10 }));
    for (const limited of [false, false, true]) await call(limited);
    const learning = call(false);
    await vi.advanceTimersByTimeAsync(1000);
    await learning;
    // Idle for a while: the window that call opened has long closed, at Slack too.
    await vi.advanceTimersByTimeAsync(10_000);
    const start = Date.now();
    grantedAt.length = 0;
    const run = (async () => {
      for (let i = 0; i < 5; i++) await call(false);
    })();
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    expect(grantedAt.map((at) => at - start)).toEqual([0, 0, 1015, 1015, 2030]);
  });

  it('counts afresh after a quiet minute, before it has learned a window', async () => {
    const { call, grantedAt } = slackAdmitting(createRateGate({ maxInFlight: 10 }));
    await call(false);
    await vi.advanceTimersByTimeAsync(61_000);
    const start = Date.now();
    grantedAt.length = 0;
    // Slack admits one call in this window: the one a minute ago was in another.
    const run = (async () => {
      for (const limited of [false, true, false, false, false]) await call(limited);
    })();
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    expect(grantedAt.map((at) => at - start)).toEqual([0, 0, 1000, 2015, 3030]);
  });

  it('does not count calls made before a pause into the burst it learns', async () => {
    const { call, grantedAt } = slackAdmitting(createRateGate({ maxInFlight: 10 }));
    // Three calls, then a pause of some seconds (well inside a minute).
    for (let i = 0; i < 3; i++) await call(false);
    await vi.advanceTimersByTimeAsync(6_000);
    const start = Date.now();
    grantedAt.length = 0;
    // Slack admits two calls per 1 s window: the three before the pause are not among them, so
    // the burst learned is two, not five, and no second 429 follows.
    const run = (async () => {
      for (const limited of [false, false, true, false, false, false, false]) await call(limited);
    })();
    await vi.advanceTimersByTimeAsync(5000);
    await run;
    expect(grantedAt.map((at) => at - start)).toEqual([0, 0, 0, 1000, 1000, 2015, 2015]);
  });

  it('tags tokens without keeping them', () => {
    const tag = tokenTag('xoxp-secret-token-1234');
    expect(tag).not.toContain('secret');
    expect(tag).toBe(tokenTag('xoxp-secret-token-1234'));
    expect(tag).not.toBe(tokenTag('xoxp-secret-token-1235'));
  });
});

describe('clients sharing a gate', () => {
  it('wait out one 429 together instead of each collecting its own', async () => {
    const arrivals: { user: string; at: number }[] = [];
    let limited = false;
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      const user = new URLSearchParams(String(init?.body)).get('user_id') ?? '';
      arrivals.push({ user, at: Date.now() });
      if (!limited) {
        limited = true;
        return new Response('{"ok":false,"error":"ratelimited"}', {
          status: 429,
          headers: { 'Retry-After': '2' },
        });
      }
      return new Response('{"ok":true}', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const gate = createRateGate({ maxInFlight: 1 });
    const make = () =>
      createSlackClient({
        token: 'xoxp-abc-123456',
        apiBase: 'https://slack.com/api/',
        fetch,
        rateGate: gate,
      });
    const start = Date.now();
    const first = make().resetSessions('U0123ABCD' as UserId, 'all');
    const second = make().resetSessions('U0123ABCE' as UserId, 'all');
    await vi.advanceTimersByTimeAsync(1999);
    expect(arrivals.map((a) => a.user)).toEqual(['U0123ABCD']);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all([first, second]);
    expect(arrivals).toHaveLength(3);
    expect(arrivals.slice(1).every((a) => a.at - start >= 2000)).toBe(true);
  });
});

describe('a long hold', () => {
  it('is handed to the caller at once instead of waited out', async () => {
    const gate = createRateGate();
    const fetch = vi.fn(
      async () => new Response('{"ok":true}', { status: 200 }),
    ) as unknown as typeof globalThis.fetch;
    const client = createSlackClient({
      token: 'xoxp-abc-123456',
      apiBase: 'https://slack.com/api/',
      fetch,
      rateGate: gate,
      maxRateLimitWaitMs: 30_000,
    });
    gate.hold(
      `https://slack.com/api/admin.users.session.reset#${tokenTag('xoxp-abc-123456')}`,
      Date.now() + 600_000,
    );
    const error = await client.resetSessions('U0123ABCD' as UserId, 'all').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ratelimited', retryAfterSeconds: 600 });
    expect(fetch).not.toHaveBeenCalled();
  });
});
