/** How the bulk page says a job's states, engine, counts and time left in words. */
import type { BulkEngine, JobState } from '../model';

export const JOB_STATE_LABEL: Record<JobState, string> = {
  waiting: 'Waiting',
  running: 'Running',
  done: 'Finished',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
};

export const ENGINE_LABEL: Record<BulkEngine, string> = {
  bulk: 'Slack’s bulk method, up to 1,000 members a request',
  'one-by-one': 'one request per member, paced to Slack’s rate limit',
  invalidate: 'one request per session, paced to Slack’s rate limit',
};

/** A job's name in its heading and progress bar. */
export const JOB_TITLE: Record<BulkEngine, string> = {
  bulk: 'Bulk reset',
  'one-by-one': 'Bulk reset',
  invalidate: 'Ending sessions',
};

/** What "queued" means, said wherever the bulk method is used. */
export const BULK_ENGINE_NOTE =
  'Slack completes these resets asynchronously: a member is “Queued at Slack” once Slack accepts the request, and their sessions end within moments.';

const NUMBER = new Intl.NumberFormat('en');

/** 10000 → "10,000". */
export function amount(n: number): string {
  return NUMBER.format(n);
}

/** "1 member", "10,000 members". */
export function members(n: number): string {
  return `${amount(n)} ${n === 1 ? 'member' : 'members'}`;
}

/** "1 session", "10,000 sessions". */
export function sessions(n: number): string {
  return `${amount(n)} ${n === 1 ? 'session' : 'sessions'}`;
}

/** What a job's rows are: members to sign out, or sessions to end. */
export function targets(engine: BulkEngine, n: number): string {
  return engine === 'invalidate' ? sessions(n) : members(n);
}

/** "less than a minute left", "about 3 min left", "about 2 h 5 min left". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}
