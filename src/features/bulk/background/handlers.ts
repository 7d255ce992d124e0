/** Bulk jobs: started, watched, cancelled, resumed and exported from the bulk page. */

import { accessAsShown } from '../../../core/background/access-as-shown';
import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { t } from '../../../shared/i18n';
import type { bulkRequests } from '../messages';
import { createJob } from './create-job';
import { takeHandOver } from './hand-over';
import { allJobs, type JobRecord, loadJob, saveJob, summaryOf, viewOf } from './jobs';
import { resultsCsv } from './results-csv';
import { bulkRunner } from './worker-runner';

/** How many jobs of its org are ahead of each waiting job (oldest first, as they run). */
function placesInLine(jobs: readonly JobRecord[]): Map<string, number> {
  const places = new Map<string, number>();
  const ahead = new Map<string, number>();
  for (const job of jobs) {
    if (job.state !== 'running' && job.state !== 'waiting') continue;
    const count = ahead.get(job.orgId) ?? 0;
    if (job.state === 'waiting' && count > 0) places.set(job.id, count);
    ahead.set(job.orgId, count + 1);
  }
  return places;
}

async function jobOrRefuse(jobId: string): Promise<JobRecord> {
  const job = await loadJob(jobId);
  if (!job) throw new ActionError('invalid_input', t('bulk_jobGone'));
  return job;
}

export const bulkHandlers: HandlersFor<typeof bulkRequests> = {
  'ui/bulk/start': async ({ input, scope, reason, tokenId, oneByOne }) => {
    const access = await accessAsShown(tokenId);
    const job = createJob(access, { input, scope, reason, oneByOne }, Date.now());
    await saveJob(job);
    await bulkRunner.kick();
    return summaryOf(job, placesInLine(await allJobs()).get(job.id));
  },
  'ui/bulk/jobs': async () => {
    const jobs = await allJobs();
    const places = placesInLine(jobs);
    return { jobs: jobs.reverse().map((job) => summaryOf(job, places.get(job.id))) };
  },
  'ui/bulk/job': async ({ jobId }) => {
    const job = await jobOrRefuse(jobId);
    return viewOf(job, placesInLine(await allJobs()).get(job.id));
  },
  'ui/bulk/cancel': async ({ jobId }) => {
    await jobOrRefuse(jobId);
    const job = (await bulkRunner.cancel(jobId))!;
    return summaryOf(job);
  },
  'ui/bulk/resume': async ({ jobId, tokenId }) => {
    const access = await accessAsShown(tokenId);
    return summaryOf(await bulkRunner.resume(jobId, tokenId, access.org.teamId));
  },
  'ui/bulk/export-csv': async ({ jobId }) => {
    const job = await jobOrRefuse(jobId);
    const stamp = job.createdAt.slice(0, 19).replace(/[:T]/g, '-');
    return { csv: resultsCsv(viewOf(job).targets), filename: `slack-bulk-reset-${stamp}.csv` };
  },
  'ui/bulk/prefill': ({ id }) => takeHandOver(id),
};
