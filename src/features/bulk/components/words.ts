/** How the bulk page says a job's states, engine, counts and time left in words. */
import { t, uiLanguage } from '../../../shared/i18n';
import type { BulkEngine, JobState } from '../model';

export const JOB_STATE_LABEL: Record<JobState, string> = {
  waiting: t('bulk_stateWaiting'),
  running: t('bulk_stateRunning'),
  done: t('bulk_stateDone'),
  cancelled: t('bulk_stateCancelled'),
  stopped: t('bulk_stateStopped'),
};

export const ENGINE_LABEL: Record<BulkEngine, string> = {
  bulk: t('bulk_engineBulk'),
  'one-by-one': t('bulk_engineOneByOne'),
  invalidate: t('bulk_engineInvalidate'),
};

/** A job's name in its heading and progress bar. */
export const JOB_TITLE: Record<BulkEngine, string> = {
  bulk: t('bulk_titleReset'),
  'one-by-one': t('bulk_titleReset'),
  invalidate: t('bulk_titleEnding'),
};

/** What "queued" means, said wherever the bulk method is used. */
export const BULK_ENGINE_NOTE = t('bulk_engineNote');

const NUMBER = new Intl.NumberFormat(uiLanguage());

/** 10000 → "10,000" (in the page's language: "10.000" in German). */
export function amount(n: number): string {
  return NUMBER.format(n);
}

/** "1 member", "10,000 members". */
export function members(n: number): string {
  return t(n === 1 ? 'bulk_members_one' : 'bulk_members_many', amount(n));
}

/** "1 session", "10,000 sessions". */
export function sessions(n: number): string {
  return t(n === 1 ? 'bulk_sessions_one' : 'bulk_sessions_many', amount(n));
}

/** What a job's rows are: members to sign out, or sessions to end. */
export function targets(engine: BulkEngine, n: number): string {
  return engine === 'invalidate' ? sessions(n) : members(n);
}

/** "less than a minute left", "about 3 min left", "about 2 h 5 min left". */
export function timeLeft(seconds: number): string {
  if (seconds < 60) return t('bulk_lessThanMinuteLeft');
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('bulk_minutesLeft', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('bulk_hoursLeft', hours) : t('bulk_hoursMinutesLeft', hours, rest);
}
