/**
 * The bulk runner's jobs end to end against a fake Slack: a token that stops working and the
 * resume with a new one, cancelling, one job at a time per org, e-mail look-ups, and Activity.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACME,
  ACME_NEW,
  type BulkProfile,
  bulkProfile,
  GLOBEX,
  memberIds,
  TOKEN_ORGS,
  tally,
  useFakeClock,
  type Worker,
} from '../../../../test/support/bulk-worker';
import {
  emailOf,
  type RateLimitedSlack,
  RESET,
  RESET_BULK,
  rateLimitedSlack,
  type SlackCall,
} from '../../../../test/support/rate-limited-slack';
import type { ActivityEntry } from '../../activity/model';
import type { JobRecord } from './jobs';
import { CANCELLED_NOTE } from './outcomes';

beforeEach(() => useFakeClock());
afterEach(() => {
  vi.useRealTimers();
});

const BOT = 'UBOT0000001';
const UNKNOWN = 'WGONE000001';
/** A plain sentence: a capital first, a full stop last, and no Slack code in it. */
const SENTENCE = /^[A-Z][^_]*[.!]$/;

interface Setup {
  slack: RateLimitedSlack;
  profile: BulkProfile;
  worker: Worker;
}

async function setUp(acme: readonly string[], globex: readonly string[] = []): Promise<Setup> {
  const slack = rateLimitedSlack({
    orgs: [
      { id: ACME.orgId, members: acme, bot: BOT },
      { id: GLOBEX.orgId, members: globex },
    ],
    tokens: TOKEN_ORGS,
    now: () => Date.now(),
  });
  const profile = bulkProfile(slack, [ACME, ACME_NEW, GLOBEX]);
  return { slack, profile, worker: await profile.worker() };
}

async function finish({ profile, worker }: Setup): Promise<void> {
  await worker.runner.kick();
  await profile.settle(worker.runner.idle());
}

/** Holds Slack's answer to the `nth` call of `method` until `release()`. */
function holdCall(slack: RateLimitedSlack, method: string, nth: number) {
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let seen = 0;
  slack.onCall((call) => {
    if (call.method !== method || ++seen !== nth) return undefined;
    arrived();
    return released;
  });
  return { held, release: () => release() };
}

const sentMembers = (calls: readonly SlackCall[]) => calls.flatMap((c) => c.members);

describe('a token that stops working', () => {
  const cases = ['invalid_auth', 'token_revoked', 'account_inactive'].flatMap((code) => [
    { code, engine: 'one by one', oneByOne: true, members: 30, sentBefore: 10 },
    { code, engine: 'with resetBulk', oneByOne: false, members: 2500, sentBefore: 1 },
  ]);
  it.each(cases)(
    '$code stops the job $engine; a resume with a new token of the org finishes it, nobody sent twice',
    async ({ code, oneByOne, members: n, sentBefore }) => {
      const members = memberIds(n);
      const setup = await setUp(members);
      const { slack, worker } = setup;
      const method = oneByOne ? RESET : RESET_BULK;
      let calls = 0;
      slack.onCall((call) => {
        if (call.method === method && ++calls === sentBefore) slack.refuseToken(ACME.token, code);
        return undefined;
      });
      const job = await worker.createJob(ACME.id, members, { oneByOne });
      await finish(setup);

      const stopped = (await worker.loadJob(job.id))!;
      expect(stopped.state).toBe('stopped');
      expect(stopped.stopMessage).toMatch(SENTENCE);
      expect(stopped.stopMessage).toMatch(/The job stopped and keeps its place/);
      const sent = oneByOne ? sentBefore : 1000;
      expect(tally(stopped.targets)).toEqual({
        [oneByOne ? 'done' : 'queued']: sent,
        pending: n - sent,
      });

      // A token of another org is refused, and the job stays as it was.
      await expect(worker.runner.resume(job.id, GLOBEX.id, GLOBEX.orgId)).rejects.toMatchObject({
        code: 'org_changed',
        message: expect.stringMatching(SENTENCE),
      });
      expect((await worker.loadJob(job.id))!.state).toBe('stopped');

      const resumed = await worker.runner.resume(job.id, ACME_NEW.id, ACME.orgId);
      expect(resumed.state).toBe('waiting');
      await setup.profile.settle(worker.runner.idle());
      const done = (await worker.loadJob(job.id))!;
      expect(done.state).toBe('done');
      expect(done.stopMessage).toBeUndefined();
      expect(tally(done.targets)).toEqual({ [oneByOne ? 'done' : 'queued']: n });
      expect(slack.resetTwice()).toEqual([]);
      for (const m of members) expect(slack.resetsOf(m)).toBe(1);
      // Sent with the new token after the stop, and only what was left.
      const refused = slack.calls.filter((c) => c.error === code);
      expect(refused).toHaveLength(1);
      const after = slack.calls.slice(slack.calls.indexOf(refused[0]!) + 1);
      expect(after.every((c) => c.token === ACME_NEW.token)).toBe(true);
      expect(sentMembers(after).sort()).toEqual(members.slice(sent).sort());
    },
  );
});

describe('cancel', () => {
  it('one by one: nothing new after it, the request in flight finishes and is recorded, the rest not sent', async () => {
    const members = memberIds(20);
    const setup = await setUp(members);
    const { slack, worker } = setup;
    const fifth = holdCall(slack, RESET, 5);
    const job = await worker.createJob(ACME.id, members, { oneByOne: true });
    await worker.runner.kick();
    const running = setup.profile.settle(worker.runner.idle());
    await fifth.held;
    await worker.runner.cancel(job.id);
    fifth.release();
    await running;

    const cancelled = (await worker.loadJob(job.id))!;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.targets.map((t) => t.state)).toEqual([
      ...Array(5).fill('done'),
      ...Array(15).fill('not-sent'),
    ]);
    expect(cancelled.targets[19]!.message).toBe(CANCELLED_NOTE);
    expect(sentMembers(slack.calls)).toEqual(members.slice(0, 5));
    const activity = await worker.listActivity();
    expect(activity.map((e) => `${e.userId} ${e.outcome}`).sort()).toEqual(
      members.slice(0, 5).map((m) => `${m} success`),
    );
  });

  it('with resetBulk: the chunk in flight is queued, the later ones not sent', async () => {
    const members = memberIds(2500);
    const setup = await setUp(members);
    const { slack, worker } = setup;
    const second = holdCall(slack, RESET_BULK, 2);
    const job = await worker.createJob(ACME.id, members);
    await worker.runner.kick();
    const running = setup.profile.settle(worker.runner.idle());
    await second.held;
    await worker.runner.cancel(job.id);
    second.release();
    await running;

    const cancelled = (await worker.loadJob(job.id))!;
    expect(cancelled.state).toBe('cancelled');
    expect(tally(cancelled.targets)).toEqual({ queued: 2000, 'not-sent': 500 });
    expect(slack.callsOf(RESET_BULK)).toHaveLength(2);
  });

  it('a job waiting behind another of its org is cancelled at once and never sent', async () => {
    const members = memberIds(20);
    const setup = await setUp(members);
    const { slack, worker } = setup;
    const first = holdCall(slack, RESET, 1);
    const ahead = await worker.createJob(ACME.id, members.slice(0, 10), { oneByOne: true });
    await worker.runner.kick();
    const running = setup.profile.settle(worker.runner.idle());
    await first.held;
    const behind = await worker.createJob(ACME.id, members.slice(10), { oneByOne: true });
    await worker.runner.kick();
    expect((await worker.loadJob(behind.id))!.state).toBe('waiting');

    const answer = await worker.runner.cancel(behind.id);
    expect(answer!.state).toBe('cancelled');
    const cancelled = (await worker.loadJob(behind.id))!;
    expect(cancelled.state).toBe('cancelled');
    expect(tally(cancelled.targets)).toEqual({ 'not-sent': 10 });
    expect((await worker.loadJob(ahead.id))!.state).toBe('running');

    first.release();
    await running;
    expect((await worker.loadJob(ahead.id))!.state).toBe('done');
    expect(sentMembers(slack.calls)).toEqual(members.slice(0, 10));
  });
});

describe('cancel after the browser stopped the worker with a member in flight', () => {
  it.each([
    ['before the next worker picks the job up', false],
    ['as the next worker picks the job up', true],
  ])('%s: that member may or may not have been reset, the rest are not sent', async (_, kicked) => {
    const members = memberIds(10);
    const setup = await setUp(members);
    const { slack, profile } = setup;
    const first = setup.worker;
    // The third reset reaches Slack; its answer never comes back.
    slack.onCall((call, caller) => {
      if (caller !== first || call.members[0] !== members[2]) return undefined;
      first.dead = true;
      return 'hang';
    });
    const job = await first.createJob(ACME.id, members, { oneByOne: true });
    await first.runner.kick();
    first.runner.idle().catch(() => undefined);
    while (!first.dead) await new Promise<void>((resolve) => setImmediate(resolve));

    const next = await profile.worker();
    if (kicked) await next.runner.kick();
    await next.runner.cancel(job.id);
    await profile.settle(next.runner.idle());
    await next.runner.kick();
    await profile.settle(next.runner.idle());

    const cancelled = (await next.loadJob(job.id))!;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.targets.map((t) => t.state)).toEqual([
      'done',
      'done',
      'unknown',
      ...Array(7).fill('not-sent'),
    ]);
    expect(cancelled.targets[2]!.message).toMatch(SENTENCE);
    expect(sentMembers(slack.calls)).toEqual(members.slice(0, 3));
    const activity = await next.listActivity();
    expect(activity.map((e) => `${e.userId} ${e.outcome}`).sort()).toEqual([
      `${members[0]} success`,
      `${members[1]} success`,
      `${members[2]} unknown`,
    ]);
  });
});

describe('jobs in line', () => {
  it('run one at a time in an org, the second waiting, while another org runs alongside', async () => {
    const acme = memberIds(20, 'A');
    const globex = memberIds(10, 'G');
    const setup = await setUp(acme, globex);
    const { slack, worker } = setup;
    // Made a moment apart, as an admin makes them: jobs run in the order they were made.
    const a = await worker.createJob(ACME.id, acme.slice(0, 10), { oneByOne: true });
    vi.advanceTimersByTime(1);
    const b = await worker.createJob(ACME.id, acme.slice(10), { oneByOne: true });
    const g = await worker.createJob(GLOBEX.id, globex, { oneByOne: true });
    await worker.runner.kick();
    const running = setup.profile.settle(worker.runner.idle());
    expect((await worker.loadJob(b.id))!.state).toBe('waiting');
    await running;

    for (const id of [a.id, b.id, g.id]) expect((await worker.loadJob(id))!.state).toBe('done');
    const order = slack.calls.map((c) => c.members[0]!);
    const at = (ids: readonly string[]) => ids.map((id) => order.indexOf(id));
    // Acme's second job starts after its first has ended…
    expect(Math.min(...at(acme.slice(10)))).toBeGreaterThan(Math.max(...at(acme.slice(0, 10))));
    // …while Globex's job runs at the same time as Acme's first.
    expect(Math.min(...at(globex))).toBeLessThan(Math.max(...at(acme.slice(0, 10))));
  });
});

describe('e-mail look-ups', () => {
  it.each([
    ['the ID first', true],
    ['the e-mail first', false],
  ])(
    'a member given by ID and by e-mail counts once (%s); an e-mail nobody has fails that member only',
    async (_, idFirst) => {
      const members = memberIds(6);
      const setup = await setUp(members);
      const { slack, worker } = setup;
      const twice = members[2]!;
      const lines = [
        members[0]!,
        idFirst ? twice : emailOf(twice),
        emailOf(members[1]!),
        'nobody@example.com',
        members[3]!,
        idFirst ? emailOf(twice) : twice,
        emailOf(members[4]!),
        members[5]!,
      ];
      const job = await worker.createJob(ACME.id, lines, { oneByOne: true });
      await finish(setup);

      const done = (await worker.loadJob(job.id))!;
      expect(done.state).toBe('done');
      expect(done.targets).toHaveLength(7);
      const merged = done.targets.filter((t) => t.userId === twice);
      expect(merged).toHaveLength(1);
      expect(merged[0]!.given).toBe(
        idFirst ? `${twice}, ${emailOf(twice)}` : `${emailOf(twice)}, ${twice}`,
      );
      expect(merged[0]!.email).toBe(emailOf(twice));
      const nobody = done.targets.find((t) => t.given === 'nobody@example.com')!;
      expect(nobody).toMatchObject({ state: 'failed', errorCode: 'users_not_found' });
      expect(nobody.message).toMatch(SENTENCE);
      expect(tally(done.targets)).toEqual({ done: 6, 'failed users_not_found': 1 });
      for (const m of members) expect(slack.resetsOf(m)).toBe(1);
      expect(sentMembers(slack.callsOf(RESET)).filter((m) => m === twice)).toHaveLength(1);
    },
  );
});

describe('Activity', () => {
  /** Exactly one bulk entry a member, its outcome and code as in the job's results. */
  function expectOneEntryEach(job: JobRecord, activity: readonly ActivityEntry[]): void {
    expect(activity.every((e) => e.source === 'bulk')).toBe(true);
    const rows = job.targets.map((t) => {
      const mine = activity.filter((e) => e.userId === (t.userId ?? t.given));
      return {
        member: t.given,
        entries: mine.length,
        outcome: mine[0]?.outcome,
        errorCode: mine[0]?.errorCode,
      };
    });
    expect(rows).toEqual(
      job.targets.map((t) => ({
        member: t.given,
        entries: 1,
        outcome: t.state === 'done' || t.state === 'queued' ? 'success' : 'failed',
        errorCode: t.errorCode,
      })),
    );
    expect(activity).toHaveLength(job.targets.length);
  }

  const lines = (members: readonly string[]) => [
    ...members.slice(0, 5),
    BOT,
    emailOf(members[5]!),
    'nobody@example.com',
    UNKNOWN,
    ...members.slice(6),
  ];

  it('one entry a member of a job sent one by one, as its results say', async () => {
    const members = memberIds(12);
    const setup = await setUp(members);
    const job = await setup.worker.createJob(ACME.id, lines(members), { oneByOne: true });
    await finish(setup);
    const done = (await setup.worker.loadJob(job.id))!;
    expect(tally(done.targets)).toEqual({
      done: 12,
      'failed cannot_reset_bot': 1,
      'failed user_not_found': 1,
      'failed users_not_found': 1,
    });
    const activity = await setup.worker.listActivity();
    expectOneEntryEach(done, activity);
    expect(
      new Set(activity.filter((e) => e.userId !== 'nobody@example.com').map((e) => e.action)),
    ).toEqual(new Set(['reset']));
  });

  it('one entry a member of a resetBulk job, as its results say', async () => {
    const members = memberIds(1500);
    const setup = await setUp(members);
    const job = await setup.worker.createJob(ACME.id, lines(members));
    await finish(setup);
    const done = (await setup.worker.loadJob(job.id))!;
    // The member left beside each refused one at the end of halving is reset one by one.
    const { queued = 0, done: signedOut = 0, ...rest } = tally(done.targets);
    expect(queued + signedOut).toBe(1500);
    expect(signedOut).toBeLessThanOrEqual(2);
    expect(rest).toEqual({
      'failed cannot_reset_bot': 1,
      'failed user_not_found': 1,
      'failed users_not_found': 1,
    });
    expectOneEntryEach(done, await setup.worker.listActivity());
  });
});
