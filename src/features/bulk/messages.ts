/** Bulk reset jobs: pages → background, and the background's notice that a job changed. */
import { reasonField, scopeField, tokenIdField } from '../../core/messaging/fields';
import { request, text, yes } from '../../core/messaging/schema';
import type { DeviceScope } from '../../shared/scope';
import type { BulkJobSummary, BulkJobView } from './model';

/** 10,000 lines of CSV with a few columns each. */
const MAX_INPUT_CHARS = 4_000_000;
const jobIdField = text('job ID', 100);

export const bulkRequests = {
  /** `input`: the Users text as pasted or imported; the background reads it with the same parser. */
  'ui/bulk/start': request({
    input: text('member list', MAX_INPUT_CHARS),
    scope: scopeField,
    reason: reasonField,
    tokenId: tokenIdField,
    oneByOne: yes,
  }).replies<BulkJobSummary>(),
  /** Every kept job, newest first. */
  'ui/bulk/jobs': request({}).replies<{ jobs: BulkJobSummary[] }>(),
  'ui/bulk/job': request({ jobId: jobIdField }).replies<BulkJobView>(),
  /** Nothing new is sent after it; a request in flight finishes and is recorded. */
  'ui/bulk/cancel': request({ jobId: jobIdField }).replies<BulkJobSummary>(),
  /** A stopped job goes on with a token of the same org (a new one, after a revoked one). */
  'ui/bulk/resume': request({ jobId: jobIdField, tokenId: tokenIdField }).replies<BulkJobSummary>(),
  'ui/bulk/export-csv': request({ jobId: jobIdField }).replies<{ csv: string; filename: string }>(),
  /** Members a right-click handed over, to fill the Users field with, and the devices it named. */
  'ui/bulk/prefill': request({ id: text('hand-over', 100) }).replies<{
    input: string;
    scope?: DeviceScope;
  }>(),
};

/** Background → extension pages. */
export interface BulkNoticesToPages {
  /** A job's progress or state changed (sent at most a few times a second). */
  'bg-to-pages/bulk/changed': { jobId: string };
}
