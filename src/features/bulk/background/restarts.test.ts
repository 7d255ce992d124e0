/**
 * A worker stopped after any step of a job: the next one finishes it with nothing lost and
 * nothing done twice but what was in flight at the stop (sent once more, and marked so), and
 * every member ends as in a run without a stop. "After any step": right after each write to
 * the database, and right after each call Slack carried out but whose answer never came back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACME,
  bulkProfile,
  memberIds,
  TOKEN_ORGS,
  useFakeClock,
} from '../../../../test/support/bulk-worker';
import { emailOf, rateLimitedSlack } from '../../../../test/support/rate-limited-slack';
import type { ActivityEntry } from '../../activity/model';
import type { JobRecord, JobTarget } from './jobs';

beforeEach(() => {
  useFakeClock();
  // A stopped worker's writes fail; what it says about them is not the test's business.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
});

const BOT = 'UBOT0000001';
const PRIMARY_OWNER = 'WOWNER00001';
const UNKNOWN = 'WGONE000001';

interface Scenario {
  lines: string[];
  oneByOne: boolean;
}

interface Run {
  job: JobRecord;
  /** The job as the stopped worker left it. */
  atStop?: JobRecord;
  /** Steps the first worker took (all of them, without a stop). */
  steps: number;
  resets: (userId: string) => number;
  activity: ActivityEntry[];
}

const good = memberIds(47);

/** Runs the job, stopping the first worker right after its `stopAt`-th step, if given. */
async function run({ lines, oneByOne }: Scenario, stopAt?: number): Promise<Run> {
  const slack = rateLimitedSlack({
    orgs: [{ id: ACME.orgId, members: good, bot: BOT, primaryOwner: PRIMARY_OWNER }],
    tokens: TOKEN_ORGS,
    now: () => Date.now(),
    bulk: 'whole-call',
  });
  const profile = bulkProfile(slack, [ACME]);
  const first = await profile.worker();
  const { id } = await first.createJob(ACME.id, lines, { oneByOne });

  let steps = 0;
  let stopped: () => void = () => undefined;
  const stop = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const step = (): boolean => {
    if (++steps !== stopAt) return false;
    first.dead = true;
    stopped();
    return true;
  };
  profile.onCommit((worker) => {
    if (worker === first) step();
  });
  slack.onCall((_call, caller) => (caller === first && step() ? 'hang' : undefined));

  await first.runner.kick();
  const firstDone = first.runner.idle();
  if (stopAt === undefined) {
    await firstDone;
    return {
      job: (await first.loadJob(id))!,
      steps,
      resets: slack.resetsOf,
      activity: await first.listActivity(),
    };
  }
  // Its writes now fail, or its request never comes back.
  firstDone.catch(() => undefined);
  await Promise.race([stop, firstDone]);
  if (!first.dead) throw new Error(`The job ended before step ${stopAt}.`);

  const second = await profile.worker();
  const atStop = await second.loadJob(id);
  await second.runner.kick();
  await second.runner.idle();
  return {
    job: (await second.loadJob(id))!,
    atStop,
    steps,
    resets: slack.resetsOf,
    activity: await second.listActivity(),
  };
}

// Queued at Slack or signed out one by one: reset either way. Halving after a stop may
// leave a different member beside a refused one, which is then reset one by one.
const outcome = (t: JobTarget) =>
  `${t.given}: ${t.state === 'queued' || t.state === 'done' ? 'reset' : t.state}${t.errorCode ? ` ${t.errorCode}` : ''}`;

/** What went wrong with a run stopped at `stopAt`, compared with one never stopped. */
function problems(reference: Run, stopped: Run, stopAt: number): string[] {
  const found: string[] = [];
  const at = `stopped after step ${stopAt}`;
  if (stopped.job.state !== 'done') found.push(`${at}: the job ended ${stopped.job.state}`);
  const want = reference.job.targets.map(outcome);
  const got = stopped.job.targets.map(outcome);
  if (want.join('\n') !== got.join('\n'))
    found.push(`${at}: outcomes differ: ${got.filter((o, i) => o !== want[i]).join('; ')}`);
  const inFlight = new Set(
    (stopped.atStop?.targets ?? []).filter((t) => t.state === 'sending').map((t) => t.given),
  );
  for (const t of stopped.job.targets) {
    if (Boolean(t.resent) !== inFlight.has(t.given))
      found.push(
        `${at}: ${t.given} ${t.resent ? 'marked resent, but was not in flight' : 'in flight, but not marked resent'}`,
      );
    if (!t.userId) continue;
    const resets = stopped.resets(t.userId);
    const expected = reference.resets(t.userId);
    if (resets !== expected && !(t.resent && resets === expected + 1))
      found.push(`${at}: ${t.given} reset ${resets} times (${expected} without a stop)`);
  }
  // One Activity entry a member sent, completed as the job's results say.
  const entries = new Map<string, ActivityEntry[]>();
  for (const e of stopped.activity) entries.set(e.userId, [...(entries.get(e.userId) ?? []), e]);
  for (const t of stopped.job.targets) {
    const mine = entries.get(t.userId ?? t.given) ?? [];
    const sent = reference.activity.some((e) => e.userId === (t.userId ?? t.given));
    if (mine.length !== (sent ? 1 : 0))
      found.push(
        `${at}: ${t.given} has ${mine.length} Activity entries (${mine.map((e) => e.outcome).join(', ')})`,
      );
    else if (sent) {
      const wanted = t.state === 'done' || t.state === 'queued' ? 'success' : 'failed';
      if (mine[0]!.outcome !== wanted)
        found.push(`${at}: ${t.given}'s Activity entry says ${mine[0]!.outcome}, not ${wanted}`);
    }
  }
  return found;
}

interface Stops {
  steps: number;
  problems: string[];
  /** Stops after which members were sent again, and after which Slack reset one twice. */
  resent: number;
  resetTwice: number;
}

async function everyStop(scenario: Scenario): Promise<Stops> {
  const reference = await run(scenario);
  expect(reference.job.state).toBe('done');
  const stops: Stops = { steps: reference.steps, problems: [], resent: 0, resetTwice: 0 };
  for (let stopAt = 1; stopAt <= reference.steps; stopAt++) {
    const stopped = await run(scenario, stopAt);
    stops.problems.push(...problems(reference, stopped, stopAt));
    const again = stopped.job.targets.filter((t) => t.resent);
    if (again.length > 0) stops.resent++;
    if (again.some((t) => stopped.resets(t.userId!) > reference.resets(t.userId!)))
      stops.resetTwice++;
  }
  return stops;
}

const told = (what: string, stops: Stops) =>
  console.info(
    `${what}: stopped after each of ${stops.steps} steps; ${stops.resent} stops left members in flight, sent again, after ${stops.resetTwice} of which Slack had already reset them`,
  );

/** 50 members: 47 that can be reset, a bot, the primary owner and an ID Slack does not know. */
const fifty = [
  ...good.slice(0, 20),
  BOT,
  ...good.slice(20, 35),
  PRIMARY_OWNER,
  ...good.slice(35),
  UNKNOWN,
];

// Each runs the job once per step it has (up to about 200 runs): slow on a busy machine.
describe('a worker stopped after any step of a 50-member job', { timeout: 120_000 }, () => {
  it('one member at a time', async () => {
    const stops = await everyStop({ lines: fifty, oneByOne: true });
    told('one by one', stops);
    expect(stops.problems).toEqual([]);
    expect(stops.resetTwice).toBeGreaterThan(0);
  });

  it('with resetBulk, refused calls halved', async () => {
    const stops = await everyStop({ lines: fifty, oneByOne: false });
    told('resetBulk', stops);
    expect(stops.problems).toEqual([]);
    expect(stops.resetTwice).toBeGreaterThan(0);
  });

  it('with e-mail look-ups first', async () => {
    // 30 by e-mail (one nobody has, one of a member also given by ID), 20 by ID.
    const lines = [
      ...good.slice(0, 28).map(emailOf),
      'nobody@example.com',
      emailOf(good[46]!),
      ...good.slice(28, 45),
      good[46]!,
      BOT,
      UNKNOWN,
    ];
    expect(lines).toHaveLength(50);
    const stops = await everyStop({ lines, oneByOne: false });
    told('e-mail look-ups', stops);
    expect(stops.problems).toEqual([]);
    expect(stops.resetTwice).toBeGreaterThan(0);
  });
});
