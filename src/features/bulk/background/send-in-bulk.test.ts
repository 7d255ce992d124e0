/**
 * The resetBulk engine against a fake Slack at Tier 2: refused members found by halving, in
 * both ways Slack may refuse a call; and the move to the per-member engine when resetBulk is
 * not open to the token.
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
  type BulkSemantics,
  RESET,
  RESET_BULK,
  rateLimitedSlack,
} from '../../../../test/support/rate-limited-slack';
import { summaryOf } from './jobs';

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.useRealTimers();
});

const TIER_2 = { limit: 20, windowMs: 60_000 };
const BOT = 'UBOT0000001';
const PRIMARY_OWNER = 'WOWNER00001';
const UNKNOWN = ['WGONE000001', 'WGONE000002', 'WGONE000003'];

/** A plain sentence: a capital first, a full stop last, and no Slack code in it. */
const SENTENCE = /^[A-Z][^_]*[.!]$/;

describe('the resetBulk engine', () => {
  const semantics: BulkSemantics[] = ['whole-call', 'some-failed'];
  it.each(semantics)(
    '10,000 members, 5 of them unresettable, Slack refusing %s: each of the 5 named with its own error, the rest reset, in 110 calls at most',
    async (bulk) => {
      const good = memberIds(9995);
      const bad = [BOT, PRIMARY_OWNER, ...UNKNOWN];
      // One in each of five chunks of 1,000, the most calls halving can take.
      const lines = [...good];
      bad.forEach((id, i) => {
        lines.splice(i * 2000 + 137 + i * 211, 0, id);
      });
      expect(lines).toHaveLength(10_000);
      const slack = rateLimitedSlack({
        orgs: [{ id: ACME.orgId, members: good, bot: BOT, primaryOwner: PRIMARY_OWNER }],
        tokens: TOKEN_ORGS,
        now: () => Date.now(),
        bulk,
        limits: { [RESET_BULK]: TIER_2 },
      });
      const profile = bulkProfile(slack, [ACME]);
      const worker = await profile.worker();
      const job = await worker.createJob(ACME.id, lines);
      const started = Date.now();
      await worker.runner.kick();
      await profile.settle(worker.runner.idle());
      const elapsed = Date.now() - started;

      const done = (await worker.loadJob(job.id))!;
      const byId = new Map<string | undefined, (typeof done.targets)[number]>(
        done.targets.map((t) => [t.userId, t]),
      );
      expect(done.state).toBe('done');
      // Queued at Slack, but for a member left beside a refused one at the end of halving:
      // that pair goes one by one, so at most one member per refused one is signed out so.
      const states = tally(done.targets.filter((t) => !bad.includes(t.userId!)));
      expect((states.queued ?? 0) + (states.done ?? 0)).toBe(9995);
      expect(states.done ?? 0).toBeLessThanOrEqual(5);
      const own: Record<string, string> = {
        [BOT]: 'cannot_reset_bot',
        [PRIMARY_OWNER]: 'cannot_reset_primary_owner',
        ...Object.fromEntries(UNKNOWN.map((id) => [id, 'user_not_found'])),
      };
      for (const id of bad) {
        const target = byId.get(id)!;
        expect(target.state).toBe('failed');
        // Asked alone with the per-member method, each says its own error, in both semantics.
        expect(target.errorCode).toBe(own[id]);
        expect(target.message).toMatch(SENTENCE);
      }
      const calls = slack.callsOf(RESET_BULK);
      const answered = calls.filter((c) => c.status !== 429);
      const limited = calls.length - answered.length;
      console.info(
        `resetBulk, ${bulk}: ${answered.length} resetBulk and ${slack.callsOf(RESET).filter((c) => c.status !== 429).length} reset calls answered (${limited} more answered 429), ${elapsed / 1000} s on the fake clock at Tier 2; members reset more than once: ${slack.resetTwice().length}`,
      );
      // 10 chunks, then for each refused member 2 calls at each of ⌈log2 1000⌉ = 10 halvings
      // (the last one per-member resets of the pair left), resetBulk and reset together.
      const perMember = slack.callsOf(RESET).filter((c) => c.status !== 429);
      expect(perMember.length).toBeLessThanOrEqual(5 * 2);
      expect(answered.length + perMember.length).toBeLessThanOrEqual(
        10 + 5 * 2 * Math.ceil(Math.log2(1000)),
      );
      for (const id of good) expect(slack.resetsOf(id)).toBeGreaterThanOrEqual(1);
      // Refused whole, a call reset nobody, so nobody was reset twice.
      if (bulk === 'whole-call') expect(slack.resetTwice()).toEqual([]);
    },
  );

  it.each(['unknown_method', 'feature_not_enabled', 'not_allowed_token_type', 'missing_scope'])(
    'answered %s, sends the rest one member at a time and says so',
    async (code) => {
      const members = memberIds(30);
      const slack = rateLimitedSlack({
        orgs: [{ id: ACME.orgId, members }],
        tokens: TOKEN_ORGS,
        now: () => Date.now(),
      });
      slack.refuseBulk(code);
      const profile = bulkProfile(slack, [ACME]);
      const worker = await profile.worker();
      const job = await worker.createJob(ACME.id, members);
      await worker.runner.kick();
      await profile.settle(worker.runner.idle());

      const done = (await worker.loadJob(job.id))!;
      expect(done.state).toBe('done');
      expect(done.engine).toBe('one-by-one');
      expect(done.engineNote).toMatch(
        /^Slack’s bulk method is not open to this token \(.+\) The rest is sent one member at a time\.$/,
      );
      expect(done.engineNote).not.toContain(code);
      expect(tally(done.targets)).toEqual({ done: 30 });
      expect(slack.callsOf(RESET_BULK)).toHaveLength(1);
      for (const m of members) expect(slack.resetsOf(m)).toBe(1);
      // The job's summary tells the page why.
      expect(summaryOf(done).stopMessage).toBe(done.engineNote);
    },
  );
});
