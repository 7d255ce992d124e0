/** What every step of a job is given: the job, the org's client, and how to keep and check it. */
import type { OrgAccess } from '../../../core/background/slack-access';
import type { JobRecord } from './jobs';

export interface StepContext {
  job: JobRecord;
  access: OrgAccess;
  /** Writes the job and tells open pages; after every step, so nothing is lost at a stop. */
  keep: () => Promise<void>;
  /** Whether the admin cancelled: nothing new is sent after that. */
  cancelled: () => boolean;
  now: () => number;
}

/** How a step ended: the job goes on, or the token stopped working (the job keeps its state). */
export type StepEnd = 'went-on' | 'stopped' | 'cancelled';

/** Stops the job with a sentence; its members keep their states for a later resume. */
export function stopJob(job: JobRecord, message: string): StepEnd {
  job.state = 'stopped';
  job.stopMessage = `${message} The job stopped and keeps its place: resume it once the org’s token works again.`;
  return 'stopped';
}
