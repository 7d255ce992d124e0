/**
 * Pacing of bulk jobs under Slack's rate limits, on a fake clock: the real Slack client and
 * rate gate against a fake Slack that answers 429 with a whole-second Retry-After.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACME,
  bulkProfile,
  memberIds,
  TOKEN_ORGS,
  tally,
  useFakeClock,
} from '../../../../test/support/bulk-worker';
import {
  emailOf,
  LOOKUP,
  RESET,
  RESET_BULK,
  rateLimitedSlack,
  type SlackCall,
} from '../../../../test/support/rate-limited-slack';

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.useRealTimers();
});

/** Slack's Tier 2: 20 calls a minute, all of them allowed at once at the window's start. */
const TIER_2 = { limit: 20, windowMs: 60_000 };
/** Tier 3: 50 a minute. */
const TIER_3 = { limit: 50, windowMs: 60_000 };

function setUp(
  members: readonly string[],
  limits: Record<string, { limit: number; windowMs: number }>,
) {
  const slack = rateLimitedSlack({
    orgs: [{ id: ACME.orgId, members }],
    tokens: TOKEN_ORGS,
    now: () => Date.now(),
    limits,
  });
  return { slack, profile: bulkProfile(slack, [ACME]) };
}

/** Each 429 and the calls of its method that followed it, in order. */
function after429s(calls: readonly SlackCall[]): { limited: SlackCall; later: SlackCall[] }[] {
  return calls.flatMap((call, i) =>
    call.status === 429 ? [{ limited: call, later: calls.slice(i + 1) }] : [],
  );
}

describe('the per-member engine at Tier 2', () => {
  it('resets 1,000 members with no failure and no repeat within 1.03 × the least time', async () => {
    const members = memberIds(1000);
    const { slack, profile } = setUp(members, { [RESET]: TIER_2 });
    const worker = await profile.worker();
    const job = await worker.createJob(ACME.id, members, { oneByOne: true });
    const started = Date.now();
    await worker.runner.kick();
    await profile.settle(worker.runner.idle());
    const elapsed = Date.now() - started;

    const done = (await worker.loadJob(job.id))!;
    expect(done.state).toBe('done');
    expect(tally(done.targets)).toEqual({ done: 1000 });
    expect(slack.resetTwice()).toEqual([]);
    for (const m of members) expect(slack.resetsOf(m)).toBe(1);
    // W calls a window of T, the first W at once: n members take ceil(n/W) windows, so the
    // last call comes no sooner than (ceil(n/W) − 1) windows after the first, here 49 × 60 s.
    const { limit: W, windowMs: T } = TIER_2;
    const minimum = (Math.ceil(members.length / W) - 1) * T;
    expect(minimum).toBe(2_940_000);
    console.info(
      `1,000 members one by one at Tier 2: ${elapsed / 1000} s on the fake clock, ${(elapsed / minimum).toFixed(4)} × the least (${minimum / 1000} s); ${slack.callsOf(RESET).length} calls, ${slack.calls.filter((c) => c.status === 429).length} answered 429`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    expect(elapsed / minimum).toBeLessThanOrEqual(1.03);
  });
});

describe('Retry-After', () => {
  /** No call of the method before Retry-After has passed, and the next one right then. */
  function expectHonoured(calls: readonly SlackCall[]): void {
    const waits = after429s(calls);
    expect(waits.length).toBeGreaterThan(0);
    for (const { limited, later } of waits) {
      const until = limited.at + limited.retryAfterSeconds! * 1000;
      expect(later.filter((c) => c.at < until)).toEqual([]);
      expect(later[0]?.at).toBe(until);
    }
  }

  it('is waited out by the job when longer than the client waits by itself (a minute window)', async () => {
    const members = memberIds(45);
    const { slack, profile } = setUp(members, { [RESET]: TIER_2 });
    const worker = await profile.worker();
    const job = await worker.createJob(ACME.id, members, { oneByOne: true });
    await worker.runner.kick();
    await profile.settle(worker.runner.idle());

    expect(tally((await worker.loadJob(job.id))!.targets)).toEqual({ done: 45 });
    const resets = slack.callsOf(RESET);
    expect(resets.filter((c) => c.status === 429).map((c) => c.retryAfterSeconds)).toEqual([60]);
    expectHonoured(resets);
  });

  it('is waited out by the client when short (20 calls a 2 s window)', async () => {
    const members = memberIds(100);
    const { slack, profile } = setUp(members, { [RESET]: { limit: 20, windowMs: 2000 } });
    const worker = await profile.worker();
    const job = await worker.createJob(ACME.id, members, { oneByOne: true });
    await worker.runner.kick();
    await profile.settle(worker.runner.idle());

    expect(tally((await worker.loadJob(job.id))!.targets)).toEqual({ done: 100 });
    expectHonoured(slack.callsOf(RESET));
  });

  it('holds e-mail look-ups (Tier 3) and resetBulk calls, each in its own window', async () => {
    const members = memberIds(3000);
    const { slack, profile } = setUp(members, {
      [LOOKUP]: TIER_3,
      [RESET_BULK]: { limit: 2, windowMs: 60_000 },
    });
    const worker = await profile.worker();
    // 60 by e-mail: the 51st look-up is over Tier 3; 3 resetBulk calls: the 3rd is over.
    const lines = members.map((m, i) => (i < 60 ? emailOf(m) : m));
    const job = await worker.createJob(ACME.id, lines);
    await worker.runner.kick();
    await profile.settle(worker.runner.idle());

    const done = (await worker.loadJob(job.id))!;
    expect(tally(done.targets)).toEqual({ queued: 3000 });
    expectHonoured(slack.callsOf(LOOKUP));
    expectHonoured(slack.callsOf(RESET_BULK));
    // The 429s asked for nothing to be done again: each member went to Slack once.
    expect(slack.resetTwice()).toEqual([]);
  });
});
