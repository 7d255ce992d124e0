/**
 * Runs bulk jobs: one at a time per org, the others waiting in line, each advanced in steps
 * that are written down as they go. `kick()` is safe to call at any time (every worker start,
 * the browser's start, an alarm, a new job): it picks up whatever is left, where it was left.
 */

import { ActionError, toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { t } from '../../../shared/i18n';
import { UNKNOWN_OUTCOME_MESSAGE } from '../../activity/model';
import { recordOutcomes, saveJobWithEntries } from './activity';
import { allJobs, type JobRecord, type JobTarget, loadJob, pruneJobs, saveJob } from './jobs';
import { lookUpEmails } from './look-up';
import { CANCELLED_NOTE } from './outcomes';
import { sendInBulk } from './send-in-bulk';
import { sendInvalidations } from './send-invalidations';
import { sendOneByOne } from './send-one-by-one';
import { type StepContext, type StepEnd, stopJob } from './step';

export interface BulkRunnerDeps {
  access: (tokenId: string) => Promise<OrgAccess>;
  /** Tells open pages that a job changed. */
  notify: (jobId: string) => void;
  now?: () => number;
  /** Called with true while any job runs, false when none does (alarms, keep-alive). */
  onBusy?: (busy: boolean) => void;
}

const RUNNABLE = new Set(['running', 'waiting']);

export function createBulkRunner(deps: BulkRunnerDeps) {
  const now = deps.now ?? Date.now;
  const loops = new Map<string, Promise<void>>();
  const cancelAsked = new Set<string>();

  async function runJob(job: JobRecord): Promise<void> {
    job.state = 'running';
    job.startedAt ??= new Date(now()).toISOString();
    // Sent when a stop came: sent once more, and marked so.
    for (const t of job.targets) {
      if (t.state === 'sending') {
        t.state = 'pending';
        t.resent = true;
      }
    }
    const keep = async (entriesFor?: readonly JobTarget[]) => {
      if (cancelAsked.has(job.id)) job.cancelRequested = true;
      await (entriesFor ? saveJobWithEntries(job, entriesFor) : saveJob(job));
      deps.notify(job.id);
    };
    const cancelled = () => cancelAsked.has(job.id) || job.cancelRequested === true;
    await keep();

    let end: StepEnd;
    try {
      const access = await deps.access(job.tokenId);
      const step: StepContext = { job, access, keep, cancelled, now };
      end = await lookUpEmails(step);
      if (end === 'went-on' && job.engine === 'bulk') {
        const bulk = await sendInBulk(step);
        end = bulk === 'switch' ? 'went-on' : bulk;
      }
      if (end === 'went-on' && job.engine === 'one-by-one') end = await sendOneByOne(step);
      if (end === 'went-on' && job.engine === 'invalidate') end = await sendInvalidations(step);
    } catch (error) {
      // The token could not even be opened (locked, removed): keep the job for a resume.
      end = stopJob(job, toReplyError(error).message);
    }
    if (end !== 'stopped') await finish(job, end === 'cancelled' || cancelled());
    cancelAsked.delete(job.id);
    await saveJob(job);
    deps.notify(job.id);
    await pruneJobs();
  }

  async function finish(job: JobRecord, wasCancelled: boolean): Promise<void> {
    const uncertain: JobTarget[] = [];
    if (wasCancelled) {
      for (const t of job.targets) {
        // In flight when a worker stopped, and not sent again since: Slack may have done it.
        if (t.state === 'sending' || (t.state === 'pending' && t.resent)) {
          t.state = 'unknown';
          t.message = UNKNOWN_OUTCOME_MESSAGE;
          uncertain.push(t);
        } else if (t.state === 'pending') {
          t.state = 'not-sent';
          t.message = CANCELLED_NOTE;
        }
      }
    }
    job.state = wasCancelled ? 'cancelled' : 'done';
    job.endedAt = new Date(now()).toISOString();
    await recordOutcomes(job, uncertain);
  }

  async function nextOf(orgId: string): Promise<JobRecord | undefined> {
    const jobs = (await allJobs()).filter((j) => j.orgId === orgId && RUNNABLE.has(j.state));
    // One interrupted while running goes first: it was ahead of the others in line.
    return jobs.find((j) => j.state === 'running') ?? jobs[0];
  }

  async function loop(orgId: string): Promise<void> {
    for (;;) {
      const job = await nextOf(orgId);
      if (!job) return;
      await runJob(job);
    }
  }

  async function kick(): Promise<void> {
    const orgs = new Set(
      (await allJobs()).filter((j) => RUNNABLE.has(j.state)).map((j) => j.orgId),
    );
    for (const orgId of orgs) {
      if (loops.has(orgId)) continue;
      const running = loop(orgId).finally(() => {
        loops.delete(orgId);
        if (loops.size === 0) deps.onBusy?.(false);
      });
      loops.set(orgId, running);
      deps.onBusy?.(true);
    }
  }

  return {
    kick,
    /** Resolves once no job is running in this worker (for tests and benchmarks). */
    async idle(): Promise<void> {
      while (loops.size > 0) await Promise.all([...loops.values()]);
    },
    /** A stopped job goes on, with a token of the same org (a new one, after a revoked one). */
    async resume(jobId: string, tokenId: string, orgId: string): Promise<JobRecord> {
      const job = await loadJob(jobId);
      if (job?.state !== 'stopped')
        throw new ActionError('invalid_input', t('bulk_onlyStoppedResumes'));
      if (job.orgId !== orgId) throw new ActionError('org_changed', t('bulk_otherOrg', job.org));
      job.tokenId = tokenId;
      job.state = 'waiting';
      job.stopMessage = undefined;
      await saveJob(job);
      deps.notify(job.id);
      await kick();
      return job;
    },
    /** Nothing new is sent after it; a request in flight finishes and is recorded. */
    async cancel(jobId: string): Promise<JobRecord | undefined> {
      cancelAsked.add(jobId);
      const job = await loadJob(jobId);
      if (!job) return undefined;
      const orgRunning = loops.has(job.orgId) && job.state === 'running';
      if (!orgRunning && (RUNNABLE.has(job.state) || job.state === 'stopped')) {
        await finish(job, true);
        await saveJob(job);
        deps.notify(job.id);
      }
      return job;
    },
  };
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;
