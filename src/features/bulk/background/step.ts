/** What every step of a job is given: the job, the org's client, and how to keep and check it. */

import type { OrgAccess } from '../../../core/background/slack-access';
import { t } from '../../../shared/i18n';
import { isSlackApiError } from '../../../slack';
import type { JobRecord, JobTarget } from './jobs';

export interface StepContext {
  job: JobRecord;
  access: OrgAccess;
  /**
   * Writes the job and tells open pages; after every step, so nothing is lost at a stop. With
   * members about to be sent (or failed before), records them in Activity in the same write.
   */
  keep: (entriesFor?: readonly JobTarget[]) => Promise<void>;
  /** Whether the admin cancelled: nothing new is sent after that. */
  cancelled: () => boolean;
  now: () => number;
}

/** How a step ended: the job goes on, or the token stopped working (the job keeps its state). */
export type StepEnd = 'went-on' | 'stopped' | 'cancelled';

/** Stops the job with a sentence; its members keep their states for a later resume. */
export function stopJob(job: JobRecord, message: string): StepEnd {
  job.state = 'stopped';
  job.stopMessage = t('bulk_stopMessage', message);
  return 'stopped';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends, and sends again once Slack's wait is over. The client waits out a short Retry-After
 * itself but hands a long one back (Tier 2's minute window asks for up to 60 s), and a 429
 * means Slack did nothing: the job waits here, kept awake by the worker, and goes on.
 */
export async function sendPaced<T>(
  send: () => Promise<T>,
  onWait?: (seconds: number) => void,
): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!isSlackApiError(error, 'ratelimited') || !error.retryAfterSeconds) throw error;
      onWait?.(error.retryAfterSeconds);
      await sleep(error.retryAfterSeconds * 1000);
    }
  }
}
