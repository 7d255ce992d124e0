// Everything a fake instance remembers, and every timer it owns. Keeping the timers here is
// what lets close() and reset() guarantee that nothing is left scheduled.

import { FaultQueue } from './faults';
import { seedOrg } from './org';
import { RateLimiter } from './rate-limit';
import { type PlantSpec, plantSessions } from './sessions';
import type { FakeConfig, Org, RecordedRequest, TokenSpec } from './types';

export const DEFAULT_CONFIG: FakeConfig = {
  sessionPageSize: 1000,
  bulkDelayMs: 0,
  bulkSemantics: 'some-failed',
};

export class FakeState {
  org: Org;
  config: FakeConfig;
  /** Same array for the instance's lifetime: callers may hold on to it. */
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultQueue();
  readonly limits = new RateLimiter();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  /** Pending bulk jobs, each with the way to cancel its timer. */
  private readonly jobs = new Map<() => void, () => void>();
  private closed = false;
  /** Sessions planted since the last reset: numbers the next planted ID. */
  private planted = 0;

  constructor(
    private readonly extraMembers: number,
    private readonly initialConfig: FakeConfig,
    private readonly orgSessions = 0,
  ) {
    this.org = seedOrg(extraMembers, orgSessions);
    this.config = { ...initialConfig };
  }

  /** Back to the seeded state; pending bulk jobs are dropped (they belong to the old state). */
  reset(): void {
    this.cancelJobs();
    this.org = seedOrg(this.extraMembers, this.orgSessions);
    this.config = { ...this.initialConfig };
    this.planted = 0;
    this.requests.length = 0;
    this.faults.clear();
    this.limits.clear();
  }

  configure(patch: Partial<FakeConfig>): void {
    const next = { ...this.config, ...patch };
    if (!Number.isInteger(next.sessionPageSize) || next.sessionPageSize < 1) {
      throw new Error('sessionPageSize must be a positive integer');
    }
    if (!(next.bulkDelayMs >= 0)) throw new Error('bulkDelayMs must be >= 0');
    if (next.bulkSemantics !== 'some-failed' && next.bulkSemantics !== 'whole-call')
      throw new Error("bulkSemantics must be 'some-failed' or 'whole-call'");
    this.config = next;
  }

  /** Same plants after a reset get the same IDs. */
  plantSessions(specs: PlantSpec[]): string[] {
    const ids = plantSessions(this.org, specs, this.planted);
    this.planted += ids.length;
    return ids;
  }

  addToken(spec: TokenSpec): void {
    if (!spec.token || !Array.isArray(spec.scopes) || !spec.userId)
      throw new Error('token, userId and scopes are required');
    if (spec.env !== 'commercial' && spec.env !== 'gov')
      throw new Error("env must be 'commercial' or 'gov'");
    if (spec.kind !== 'user' && spec.kind !== 'bot')
      throw new Error("kind must be 'user' or 'bot'");
    this.org.tokens.set(spec.token, { ...spec, scopes: [...spec.scopes] });
  }

  /**
   * Runs a bulk job after bulkDelayMs. With no delay it still runs after the response is
   * written (setImmediate), yet before any later request is read: async but deterministic.
   */
  enqueue(job: () => void): void {
    if (this.closed) return;
    const run = () => {
      this.jobs.delete(run);
      job();
    };
    if (this.config.bulkDelayMs > 0) {
      const handle = setTimeout(run, this.config.bulkDelayMs);
      this.jobs.set(run, () => clearTimeout(handle));
    } else {
      const handle = setImmediate(run);
      this.jobs.set(run, () => clearImmediate(handle));
    }
  }

  /** Applies queued bulk jobs now, for tests that set a long bulkDelayMs. */
  flushJobs(): void {
    const pending = [...this.jobs.keys()];
    this.cancelJobs();
    for (const run of pending) run();
  }

  get pendingJobs(): number {
    return this.jobs.size;
  }

  /** Resolves true after `ms`, or false as soon as the fake closes. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const handle = setTimeout(() => {
        this.timers.delete(handle);
        resolve(true);
      }, ms);
      this.timers.set(handle, () => resolve(false));
    });
  }

  close(): void {
    this.closed = true;
    this.cancelJobs();
    for (const [handle, abort] of this.timers) {
      clearTimeout(handle);
      abort();
    }
    this.timers.clear();
  }

  private cancelJobs(): void {
    for (const cancel of this.jobs.values()) cancel();
    this.jobs.clear();
  }
}
