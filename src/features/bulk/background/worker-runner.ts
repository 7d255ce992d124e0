/**
 * The worker's one bulk runner. While a job runs, an alarm wakes a stopped worker every 30 s
 * to resume it, and a cheap extension call every 20 s keeps a busy worker from being stopped
 * for idleness between paced requests.
 */
import { orgAccess } from '../../../core/background/slack-access';
import browser from '../../../core/browser';
import { notifyPages } from '../../../protocol/background';
import { createBulkRunner } from './runner';

export const BULK_ALARM = 'bulk-jobs';
const KEEP_AWAKE_MS = 20_000;
/** Pages hear of a job's progress at most this often (plus once at every state change). */
const NOTIFY_EVERY_MS = 250;

const lastTold = new Map<string, number>();
const pendingTell = new Map<string, ReturnType<typeof setTimeout>>();

function tellPages(jobId: string): void {
  const wait = (lastTold.get(jobId) ?? 0) + NOTIFY_EVERY_MS - Date.now();
  if (wait <= 0) {
    lastTold.set(jobId, Date.now());
    notifyPages('bg-to-pages/bulk/changed', { jobId });
    return;
  }
  if (pendingTell.has(jobId)) return;
  pendingTell.set(
    jobId,
    setTimeout(() => {
      pendingTell.delete(jobId);
      tellPages(jobId);
    }, wait),
  );
}

let keepAwake: ReturnType<typeof setInterval> | undefined;

function busy(isBusy: boolean): void {
  if (isBusy) {
    void browser.alarms.create(BULK_ALARM, { periodInMinutes: 0.5 });
    keepAwake ??= setInterval(() => void browser.runtime.getPlatformInfo(), KEEP_AWAKE_MS);
  } else {
    void browser.alarms.clear(BULK_ALARM);
    clearInterval(keepAwake);
    keepAwake = undefined;
  }
}

export const bulkRunner = createBulkRunner({ access: orgAccess, notify: tellPages, onBusy: busy });
