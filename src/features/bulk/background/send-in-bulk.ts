/**
 * The resetBulk engine: up to 1,000 members a call. Slack does not say which members a refused
 * call was refused for, so a refused chunk is split in halves and each sent again (a reset is
 * idempotent) until at most two are left, which are reset one by one, each answering with its
 * own error; every other member is queued. With k refused members among n, that is at most
 * n/1000 + 2k·log2(1000) calls.
 */
import { t } from '../../../shared/i18n';
import { MAX_BULK_USERS } from '../../../slack';
import { recordNotDone, recordOutcomes } from './activity';
import type { JobTarget } from './jobs';
import { classify, QUEUED_NOTE, RESENT_AFTER_STOP } from './outcomes';
import { resetOne } from './send-one-by-one';
import { type StepContext, type StepEnd, sendPaced, stopJob } from './step';

/** A refused chunk this small is sent one member at a time instead of halved again. */
const ONE_BY_ONE_BELOW = 2;

/** `switch`: resetBulk is not open to this token; the rest goes one member at a time. */
export type BulkEnd = StepEnd | 'switch';

function chunksOf(targets: JobTarget[]): JobTarget[][] {
  const chunks: JobTarget[][] = [];
  for (let i = 0; i < targets.length; i += MAX_BULK_USERS)
    chunks.push(targets.slice(i, i + MAX_BULK_USERS));
  return chunks;
}

export async function sendInBulk(step: StepContext): Promise<BulkEnd> {
  const { job, access } = step;
  const work = chunksOf(job.targets.filter((t) => t.state === 'pending' && t.userId));
  while (work.length > 0) {
    const chunk = work.shift()!;
    if (step.cancelled()) return 'cancelled';
    for (const t of chunk) t.state = 'sending';
    job.sendingSince ??= new Date(step.now()).toISOString();
    await step.keep(chunk);
    try {
      const userIds = chunk.map((t) => t.userId!);
      await sendPaced(() => access.client.resetBulk(userIds, job.scope));
      for (const t of chunk) {
        t.state = 'queued';
        t.message = t.resent ? `${QUEUED_NOTE} ${RESENT_AFTER_STOP}` : QUEUED_NOTE;
      }
    } catch (error) {
      const answer = classify(error, 'resetBulk');
      if (answer.kind === 'stop' || answer.kind === 'bulk-unavailable') {
        for (const t of chunk) t.state = 'pending';
        if (answer.kind === 'stop') {
          await recordNotDone(chunk, answer.code, answer.message);
          return stopJob(job, answer.message);
        }
        job.engine = 'one-by-one';
        job.engineNote = t('bulk_bulkUnavailable', answer.message);
        await step.keep();
        return 'switch';
      }
      if (answer.kind === 'refused-for-members' && chunk.length <= ONE_BY_ONE_BELOW) {
        // Few enough to ask one by one: each answers with its own error (resetBulk may say
        // only "failed for some users"), on the per-member method's own rate budget.
        for (const t of chunk) if ((await resetOne(step, t)) === 'stopped') return 'stopped';
        await recordOutcomes(job, chunk);
        await step.keep();
        continue;
      }
      if (answer.kind === 'refused-for-members') {
        // Sent again in halves until each refused member stands alone.
        for (const t of chunk) t.state = 'pending';
        const half = Math.ceil(chunk.length / 2);
        work.unshift(chunk.slice(0, half), chunk.slice(half));
        await step.keep();
        continue;
      }
      for (const t of chunk) {
        t.state = answer.kind === 'unknown' ? 'unknown' : 'failed';
        t.errorCode = answer.code;
        t.message = answer.message;
      }
    }
    await recordOutcomes(job, chunk);
    await step.keep();
  }
  return 'went-on';
}
