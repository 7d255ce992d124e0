/**
 * Bulk jobs as kept in the extension's IndexedDB: one record a job, written after every step,
 * so a stopped worker, a reload or a browser restart resumes exactly where it was.
 */
import { inTransaction, requestToPromise, STORE_BULK } from '../../../core/background/idb';
import type { UserId, UserRef } from '../../../shared/ids';
import type { DeviceScope } from '../../../shared/scope';
import type { ApiEnvironment } from '../../tokens/model';
import type {
  BulkCounts,
  BulkEngine,
  BulkJobSummary,
  BulkJobView,
  BulkTargetView,
  JobSource,
  JobState,
} from '../model';

/** A member as kept: what the page shows, and how it was given and recorded. */
export interface JobTarget extends Omit<BulkTargetView, 'userId'> {
  ref: UserRef;
  userId?: UserId;
  /** Its Activity entry, recorded as attempted when first sent. */
  activitySeq?: number;
}

export interface JobRecord {
  id: string;
  tokenId: string;
  org: string;
  orgId: string;
  /** Absent on jobs kept before it was recorded. */
  environment?: ApiEnvironment;
  admin: string;
  adminId: string;
  scope: DeviceScope;
  engine: BulkEngine;
  /** Absent on jobs kept before session search existed: those came from the bulk page. */
  source?: JobSource;
  /** Why the engine changed mid-job (resetBulk not available to this token), as a sentence. */
  engineNote?: string;
  reason?: string;
  state: JobState;
  /** Asked for; the runner stops before its next request. */
  cancelRequested?: boolean;
  createdAt: string;
  startedAt?: string;
  /** When the first request went out, and how many members had finished then (for the ETA). */
  sendingSince?: string;
  endedAt?: string;
  stopMessage?: string;
  targets: JobTarget[];
}

/** Jobs kept for reopening the page and exporting; the oldest finished ones go first. */
const KEEP_JOBS = 20;

export function countsOf(targets: readonly JobTarget[]): BulkCounts {
  const counts: BulkCounts = { total: targets.length, done: 0, failed: 0, left: 0 };
  for (const t of targets) {
    if (t.state === 'done' || t.state === 'queued') counts.done++;
    else if (t.state === 'failed' || t.state === 'unknown') counts.failed++;
    else counts.left++;
  }
  return counts;
}

function etaSeconds(job: JobRecord, counts: BulkCounts, now: number): number | undefined {
  if (job.state !== 'running' || !job.sendingSince || counts.left === 0) return undefined;
  const elapsed = (now - Date.parse(job.sendingSince)) / 1000;
  const finished = counts.done + counts.failed;
  if (elapsed < 1 || finished === 0) return undefined;
  return Math.ceil((counts.left * elapsed) / finished);
}

export function summaryOf(job: JobRecord, placeInLine?: number, now = Date.now()): BulkJobSummary {
  const counts = countsOf(job.targets);
  return {
    id: job.id,
    tokenId: job.tokenId,
    org: job.org,
    orgId: job.orgId,
    scope: job.scope,
    engine: job.engine,
    source: job.source ?? 'bulk',
    reason: job.reason,
    state: job.state,
    counts,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    endedAt: job.endedAt,
    etaSeconds: etaSeconds(job, counts, now),
    stopMessage: job.stopMessage ?? job.engineNote,
    placeInLine,
  };
}

export function targetView(t: JobTarget): BulkTargetView {
  return {
    given: t.given,
    userId: t.userId,
    email: t.email ?? (t.ref.kind === 'email' ? t.ref.email : undefined),
    name: t.name,
    state: t.state,
    message: t.message,
    errorCode: t.errorCode,
    resent: t.resent,
    sessionId: t.sessionId,
    teamId: t.teamId,
  };
}

export function viewOf(job: JobRecord, placeInLine?: number): BulkJobView {
  return { ...summaryOf(job, placeInLine), targets: job.targets.map(targetView) };
}

export async function saveJob(job: JobRecord): Promise<void> {
  await inTransaction(STORE_BULK, 'readwrite', (store) => requestToPromise(store.put(job)));
}

export async function loadJob(id: string): Promise<JobRecord | undefined> {
  return inTransaction(STORE_BULK, 'readonly', (store) =>
    requestToPromise(store.get(id) as IDBRequest<JobRecord | undefined>),
  );
}

/** Oldest first. */
export async function allJobs(): Promise<JobRecord[]> {
  const jobs = await inTransaction(STORE_BULK, 'readonly', (store) =>
    requestToPromise(store.getAll() as IDBRequest<JobRecord[]>),
  );
  return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Forgets the oldest finished jobs past the number kept. */
export async function pruneJobs(): Promise<void> {
  const finished = (await allJobs()).filter((j) => j.state === 'done' || j.state === 'cancelled');
  const extra = finished.slice(0, Math.max(0, finished.length - KEEP_JOBS));
  if (extra.length === 0) return;
  await inTransaction(STORE_BULK, 'readwrite', (store) =>
    Promise.all(extra.map((j) => requestToPromise(store.delete(j.id)))),
  );
}
