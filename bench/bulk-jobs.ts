/**
 * Bulk jobs in Node: the real runner (createBulkRunner) over fake-indexeddb, with the real
 * Slack client and rate gate, against the fake Slack over HTTPS. Its own fake, seeded with
 * 11,000 generated members: 1,000 are reset one by one with admin.users.session.reset
 * limited to Slack's Tier 2 scaled to 20 per 2 s (about 100 s of wall time); the other 9,995,
 * with 5 members that cannot be reset, go through resetBulk at the same scaled tier.
 */
import { Agent, request } from 'node:https';
import { type FakeSlack, SANDBOX, startFakeSlack } from '../test/fake-slack';
import { installFakeExtension } from '../test/support/fake-extension-storage';
import { generatedMembers } from './members';
import type { Row } from './report';
import { round } from './stats';

const RESET = 'admin.users.session.reset';
const RESET_BULK = 'admin.users.session.resetBulk';
const ONE_BY_ONE = 1000;
const LIMIT = 20;
const WINDOW_MS = 2000;
const BULK = 10_000;
/** The fake's bot and primary owner, and three IDs it does not know. */
const UNRESETTABLE = [
  SANDBOX.users.bot,
  SANDBOX.users.primaryOwner,
  'W0SBXNONE01',
  'W0SBXNONE02',
  'W0SBXNONE03',
];
const TOKEN_ID = 'bench-admin';

/** A fetch over node:https that trusts the fake's self-signed certificate. */
function fetchTrusting(cert: string): typeof fetch {
  const agent = new Agent({ ca: cert, keepAlive: true, maxSockets: 8 });
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const req = request(
        new URL(String(input)),
        {
          method: init.method ?? 'GET',
          headers: init.headers as Record<string, string>,
          agent,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers))
              if (typeof value === 'string') headers.set(name, value);
            resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
          });
        },
      );
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

/** The runner's modules, loaded once the stand-ins for `browser` and IndexedDB are in place. */
async function loadRunner(fake: FakeSlack) {
  installFakeExtension();
  const [{ createBulkRunner }, jobs, { createJob }, slack] = await Promise.all([
    import('../src/features/bulk/background/runner'),
    import('../src/features/bulk/background/jobs'),
    import('../src/features/bulk/background/create-job'),
    import('../src/slack'),
  ]);
  const fetch = fetchTrusting(fake.cert);
  const gate = slack.createRateGate();
  const org = {
    id: TOKEN_ID,
    team: SANDBOX.enterprise.name,
    teamId: SANDBOX.enterprise.id,
    enterpriseId: SANDBOX.enterprise.id,
    url: 'https://acme-sandbox.enterprise.slack.com/',
    user: 'riley.admin',
    userId: SANDBOX.users.admin,
    scopes: ['admin.users:write', 'admin.users:read', 'users:read.email'],
    environment: 'commercial' as const,
    mode: 'device' as const,
    redacted: 'xoxp-…0001',
    savedAt: new Date().toISOString(),
    active: true,
    locked: false,
    forgotten: false,
  };
  const access = async () => ({
    client: slack.createSlackClient({
      token: SANDBOX.tokens.admin,
      apiBase: `${fake.origin}/api/`,
      fetch,
      rateGate: gate,
    }),
    org,
  });
  const runner = createBulkRunner({ access, notify: () => undefined });
  /** Runs one job to its end; its wall time in ms and its record. */
  return async (lines: readonly string[], oneByOne: boolean) => {
    const job = createJob(
      await access(),
      { input: lines.join('\n'), scope: 'all', oneByOne },
      Date.now(),
    );
    await jobs.saveJob(job);
    const started = performance.now();
    await runner.kick();
    await runner.idle();
    const wallMs = performance.now() - started;
    return { wallMs, job: (await jobs.loadJob(job.id))! };
  };
}

/** Members Slack reset in more than one successful request of `method`. */
function resetTwice(fake: FakeSlack, method: string, from: number): number {
  const times = new Map<string, number>();
  for (const r of fake.requests.slice(from)) {
    if (r.method !== method || r.status !== 200) continue;
    const response = r.response as { ok?: boolean; failed_user_ids?: string[] } | null;
    const ids: string[] =
      method === RESET ? [r.params.user_id ?? ''] : JSON.parse(r.params.user_ids ?? '[]');
    const failed = new Set(response?.failed_user_ids ?? []);
    if (response?.ok !== true && failed.size === 0) continue;
    for (const id of ids) if (!failed.has(id)) times.set(id, (times.get(id) ?? 0) + 1);
  }
  return [...times.values()].filter((n) => n > 1).length;
}

export async function measureBulkJobs(): Promise<Row[]> {
  const fake = await startFakeSlack({ extraMembers: ONE_BY_ONE + BULK });
  try {
    const run = await loadRunner(fake);
    const pool = generatedMembers(fake);
    if (pool.length < ONE_BY_ONE + BULK - UNRESETTABLE.length)
      throw new Error(`the fake has only ${pool.length} generated members`);

    // One by one, 1,000 members at Tier 2 scaled to 20 per 2 s.
    fake.setRateLimit(RESET, LIMIT, WINDOW_MS);
    let from = fake.requests.length;
    const single = await run(pool.slice(0, ONE_BY_ONE), true);
    const singleRequests = fake.requests.slice(from).filter((r) => r.method === RESET);
    const failures = single.job.targets.filter((t) => t.state !== 'done');
    const twice = resetTwice(fake, RESET, from);
    const limited = singleRequests.filter((r) => r.status === 429).length;
    // The first 20 at once, then 20 a window: the last call can come no sooner than
    // (ceil(n/20) − 1) windows after the first.
    const minimumMs = (Math.ceil(ONE_BY_ONE / LIMIT) - 1) * WINDOW_MS;
    fake.clearRateLimits();

    // resetBulk, 10,000 members with 5 that cannot be reset, one in each of five chunks.
    const lines = pool.slice(ONE_BY_ONE, ONE_BY_ONE + BULK - UNRESETTABLE.length);
    UNRESETTABLE.forEach((id, i) => {
      lines.splice(i * 2000 + 137 + i * 211, 0, id);
    });
    fake.setRateLimit(RESET_BULK, LIMIT, WINDOW_MS);
    from = fake.requests.length;
    const bulk = await run(lines, false);
    const bulkRequests = fake.requests.slice(from).filter((r) => r.method === RESET_BULK);
    const answered = bulkRequests.filter((r) => r.status !== 429);
    const bulkLimited = bulkRequests.length - answered.length;
    const outcomes: Record<string, number> = {};
    for (const t of bulk.job.targets) {
      const key = t.errorCode ? `${t.state} ${t.errorCode}` : t.state;
      outcomes[key] = (outcomes[key] ?? 0) + 1;
    }
    const named = UNRESETTABLE.every(
      (id) => bulk.job.targets.find((t) => t.userId === id)?.state === 'failed',
    );
    // Queued at Slack, or (a member left beside a refused one at the end of halving) reset
    // one by one with the per-member method.
    const othersQueued = bulk.job.targets.every(
      (t) => UNRESETTABLE.includes(t.userId ?? '') || t.state === 'queued' || t.state === 'done',
    );
    const perMember = fake.requests
      .slice(from)
      .filter((r) => r.method === RESET && r.status !== 429).length;
    const callBudget = 10 + 5 * 2 * Math.ceil(Math.log2(1000));
    fake.clearRateLimits();

    const singleName = 'Bulk, one by one: 1,000 members at Tier 2 scaled to 20 per 2 s';
    const bulkName = 'Bulk, resetBulk: 10,000 members, 5 unresettable';
    return [
      {
        name: `${singleName}: time`,
        value: single.wallMs,
        unit: 'ms',
        baseline: { label: 'minimum', value: minimumMs, unit: 'ms' },
        ratio: single.wallMs / minimumMs,
        budget: { on: 'ratio', op: '<=', limit: 1.03 },
        ...(failures.length > 0
          ? { forceFail: `${failures.length} of ${ONE_BY_ONE} members were not reset;` }
          : {}),
        note: `kick() to idle() of a one-by-one job with ${RESET} limited to ${LIMIT} per ${WINDOW_MS} ms at the fake, minimum (ceil(${ONE_BY_ONE}/${LIMIT}) − 1) × ${WINDOW_MS} ms; ${singleRequests.length} requests, ${limited} answered 429`,
        details: {
          requests: singleRequests.length,
          rateLimited429: limited,
          wallMs: round(single.wallMs),
        },
      },
      {
        name: `${singleName}: failures`,
        value: failures.length,
        unit: 'count',
        budget: { on: 'value', op: '=', limit: 0 },
        note: `members of the job not ended 'done', such as ${failures
          .slice(0, 3)
          .map((t) => `${t.given} (${t.state}${t.errorCode ? ` ${t.errorCode}` : ''})`)
          .join(', ')}`,
      },
      {
        name: `${singleName}: duplicates`,
        value: twice,
        unit: 'count',
        budget: { on: 'value', op: '=', limit: 0 },
        note: 'members with more than one successful reset request at the fake',
      },
      {
        name: `${bulkName}: calls`,
        value: answered.length + perMember,
        unit: 'count',
        budget: { on: 'value', op: '<=', limit: callBudget },
        ...(!named || !othersQueued
          ? { forceFail: `outcomes were not as expected: ${JSON.stringify(outcomes)};` }
          : {}),
        note: `${answered.length} ${RESET_BULK} and ${perMember} ${RESET} requests the fake answered (not counting ${bulkLimited} answered 429 at ${LIMIT} per ${WINDOW_MS} ms), budget 10 + 5 × 2⌈log2 1000⌉; outcomes ${JSON.stringify(outcomes)}`,
        details: {
          outcomes,
          rateLimited429: bulkLimited,
          membersResetTwice: resetTwice(fake, RESET_BULK, from),
        },
      },
      {
        name: `${bulkName}: time`,
        value: bulk.wallMs,
        unit: 'ms',
        note: `kick() to idle() of the resetBulk job, ${RESET_BULK} limited to ${LIMIT} per ${WINDOW_MS} ms`,
        details: {
          firstToLastRequestMs: (bulkRequests.at(-1)?.at ?? 0) - (bulkRequests[0]?.at ?? 0),
          wallMs: round(bulk.wallMs),
        },
      },
    ];
  } finally {
    await fake.close();
  }
}
