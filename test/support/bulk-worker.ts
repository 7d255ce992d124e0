/**
 * Service workers for the bulk runner's unit tests: each a fresh copy of the background's
 * modules (no memo, no rate gate, no open database carried over) over one shared IndexedDB,
 * with a Slack client over the test's fake Slack. A worker can be stopped at any point: from
 * then on none of its database transactions starts and none of its requests reaches Slack,
 * as when the browser stops it; the next worker picks up what was written.
 *
 * Also a driver for the fake clock: it moves the clock to the next timer only once every
 * worker is waiting for one (no transaction open, nothing changed for a while), so pacing
 * is measured on the fake clock while IndexedDB runs on the real event loop.
 */
import { vi } from 'vitest';
import type { ActivityEntry } from '../../src/features/activity/model';
import type { JobRecord } from '../../src/features/bulk/background/jobs';
import type { BulkRunner } from '../../src/features/bulk/background/runner';
import type { TokenSummary } from '../../src/features/tokens/model';
import type { DeviceScope } from '../../src/shared/scope';
import { installFakeExtension } from './fake-extension-storage';
import type { Caller, RateLimitedSlack } from './rate-limited-slack';

export interface TestToken {
  id: string;
  token: string;
  orgId: string;
  org: string;
}

export interface Worker extends Caller {
  runner: BulkRunner;
  /** Readwrite transactions this worker committed. */
  commits: number;
  createJob(
    tokenId: string,
    lines: readonly string[],
    options?: { oneByOne?: boolean; scope?: DeviceScope },
  ): Promise<JobRecord>;
  loadJob(id: string): Promise<JobRecord | undefined>;
  listActivity(): Promise<ActivityEntry[]>;
}

/** Told after each commit; setting `worker.dead` there stops the worker right after it. */
export type OnCommit = (worker: Worker) => void;

const stopped = () => new Error('The worker was stopped.');

interface ProfileState {
  /** The worker whose database connection the next open() makes. */
  opener?: Worker;
  onCommit?: OnCommit;
  /** Transactions begun or ended, ever: unchanged over a few turns means nothing is going on. */
  changes: number;
  /** Transactions open now. */
  open: number;
}

/** An IndexedDB whose connections each belong to the worker that opened them. */
function workerIndexedDB(real: IDBFactory, state: ProfileState) {
  const wrapDb = (db: IDBDatabase, worker: Worker): IDBDatabase =>
    new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (stores: string | string[], mode?: IDBTransactionMode) => {
            if (worker.dead) throw stopped();
            const tx = target.transaction(stores, mode);
            state.open++;
            state.changes++;
            const end = (committed: boolean) => () => {
              state.open--;
              state.changes++;
              if (committed && mode === 'readwrite') {
                worker.commits++;
                state.onCommit?.(worker);
              }
            };
            tx.addEventListener('complete', end(true));
            tx.addEventListener('abort', end(false));
            return tx;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
      set(target, prop, value) {
        return Reflect.set(target, prop, value, target);
      },
    });
  return new Proxy(real, {
    get(target, prop) {
      if (prop !== 'open') {
        const value = Reflect.get(target, prop, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (name: string, version?: number) => {
        const worker = state.opener!;
        const request = target.open(name, version);
        let wrapped: IDBDatabase | undefined;
        return new Proxy(request, {
          get(t, p) {
            if (p === 'result') {
              wrapped ??= wrapDb(t.result, worker);
              return wrapped;
            }
            const value = Reflect.get(t, p, t);
            return typeof value === 'function' ? value.bind(t) : value;
          },
          set(t, p, value) {
            return Reflect.set(t, p, value, t);
          },
        });
      };
    },
  });
}

function summary(token: TestToken): TokenSummary {
  return {
    id: token.id,
    team: token.org,
    teamId: token.orgId,
    enterpriseId: token.orgId,
    url: 'https://acme.enterprise.slack.com/',
    user: 'riley.admin',
    userId: 'W0SBXADMIN1',
    scopes: ['admin.users:write', 'users:read.email'],
    environment: 'commercial',
    mode: 'device',
    redacted: `xoxp-…${token.token.slice(-4)}`,
    savedAt: '2026-01-01T00:00:00.000Z',
    active: true,
    locked: false,
    forgotten: false,
  };
}

/**
 * One browser profile: its storage, and the workers started on it one after another. Call
 * `worker()` for each start; stop the last one (`dead = true`) before starting the next.
 */
export function bulkProfile(slack: RateLimitedSlack, tokens: readonly TestToken[]) {
  installFakeExtension();
  const state: ProfileState = { changes: 0, open: 0 };
  (globalThis as { indexedDB: IDBFactory }).indexedDB = workerIndexedDB(
    globalThis.indexedDB,
    state,
  );

  async function worker(): Promise<Worker> {
    vi.resetModules();
    const [{ createBulkRunner }, jobs, { createJob }, slackModule, activity] = await Promise.all([
      import('../../src/features/bulk/background/runner'),
      import('../../src/features/bulk/background/jobs'),
      import('../../src/features/bulk/background/create-job'),
      import('../../src/slack'),
      import('../../src/features/activity/background/activity-log'),
    ]);
    const gate = slackModule.createRateGate({ now: () => Date.now() });
    const byId = new Map(tokens.map((t) => [t.id, t]));
    const self = { dead: false, commits: 0 } as Worker;
    const access = async (tokenId: string) => {
      const token = byId.get(tokenId);
      if (!token) throw new Error(`no token ${tokenId}`);
      const client = slackModule.createSlackClient({
        token: token.token,
        apiBase: slackModule.SLACK_API_BASE,
        fetch: slack.fetchFor(self),
        rateGate: gate,
        now: () => Date.now(),
      });
      return { client, org: summary(token) };
    };
    Object.assign(self, {
      runner: createBulkRunner({
        access,
        notify: () => undefined,
        now: () => Date.now(),
      }),
      async createJob(tokenId, lines, options = {}) {
        const job = createJob(
          await access(tokenId),
          {
            input: lines.join('\n'),
            scope: options.scope ?? 'all',
            oneByOne: options.oneByOne ?? false,
          },
          Date.now(),
        );
        await jobs.saveJob(job);
        return job;
      },
      loadJob: jobs.loadJob,
      listActivity: () => activity.listActivity(),
    } satisfies Partial<Worker>);
    state.opener = self;
    return self;
  }

  /**
   * Waits for `done`, moving the fake clock to the next timer whenever nothing else can go on:
   * no transaction open and nothing changed over a few turns of the event loop.
   */
  async function settle<T>(done: Promise<T>): Promise<T> {
    let finished = false;
    let failed: unknown;
    let value: T | undefined;
    done.then(
      (v) => {
        finished = true;
        value = v;
      },
      (error: unknown) => {
        finished = true;
        failed = error ?? new Error('rejected');
      },
    );
    let quiet = 0;
    let stuck = 0;
    let seen = state.changes;
    while (!finished) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (state.changes !== seen || state.open > 0) {
        seen = state.changes;
        quiet = 0;
        continue;
      }
      if (++quiet < 3) continue;
      quiet = 0;
      if (vi.getTimerCount() === 0) {
        if (++stuck > 1000) throw new Error('Nothing left to wait for, and it never finished.');
        continue;
      }
      await vi.advanceTimersToNextTimerAsync();
    }
    if (failed !== undefined) throw failed;
    return value as T;
  }

  return {
    worker,
    settle,
    /** Called after every commit of any worker. */
    onCommit(hook: OnCommit | undefined) {
      state.onCommit = hook;
    },
  };
}

export type BulkProfile = ReturnType<typeof bulkProfile>;

/** Fake timers for these tests: not setImmediate or queueMicrotask, which IndexedDB runs on. */
export function useFakeClock(start = Date.UTC(2026, 0, 5, 9, 0, 0)): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    now: start,
  });
}

/** `n` distinct member IDs, `WA00000001`…: the letter keeps two orgs' members apart. */
export function memberIds(n: number, letter = 'A'): string[] {
  return Array.from({ length: n }, (_, i) => `W${letter}${String(i + 1).padStart(8, '0')}`);
}

export const ACME: TestToken = {
  id: 'token-acme',
  token: 'xoxp-acme-0001',
  orgId: 'E0ACME00001',
  org: 'Acme Org',
};
/** A second token of the same org, for a resume after the first stopped working. */
export const ACME_NEW: TestToken = { ...ACME, id: 'token-acme-new', token: 'xoxp-acme-0002' };
export const GLOBEX: TestToken = {
  id: 'token-globex',
  token: 'xoxp-globex-0001',
  orgId: 'E0GLOBEX001',
  org: 'Globex Org',
};

/** The tokens above, as the fake Slack knows them. */
export const TOKEN_ORGS = Object.fromEntries(
  [ACME, ACME_NEW, GLOBEX].map((t) => [t.token, t.orgId]),
);

/** Members by outcome, `state` or `state code`: short enough to read in a failed assertion. */
export function tally(
  targets: readonly { state: string; errorCode?: string }[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of targets) {
    const key = t.errorCode ? `${t.state} ${t.errorCode}` : t.state;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
