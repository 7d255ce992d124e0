/**
 * The per-member engine: admin.users.session.reset for each member in turn, paced by the
 * client's rate gate (it learns Slack's window from a 429 and its Retry-After; no fixed sleep).
 */
import { t } from '../../../shared/i18n';
import { scopeWords } from '../../../shared/scope';
import { recordNotDone, recordOutcomes } from './activity';
import type { JobTarget } from './jobs';
import { classify, RESENT_AFTER_STOP } from './outcomes';
import { type StepContext, type StepEnd, sendPaced, stopJob } from './step';

export async function sendOneByOne(step: StepContext): Promise<StepEnd> {
  const { job } = step;
  for (const target of job.targets) {
    if (target.state !== 'pending' || !target.userId) continue;
    if (step.cancelled()) return 'cancelled';
    target.state = 'sending';
    job.sendingSince ??= new Date(step.now()).toISOString();
    await step.keep([target]);
    if ((await resetOne(step, target)) === 'stopped') return 'stopped';
    await recordOutcomes(job, [target]);
    await step.keep();
  }
  return 'went-on';
}

/** One member's reset, already marked as being sent: its outcome, or the job stops. */
export async function resetOne(step: StepContext, target: JobTarget): Promise<StepEnd> {
  const { job, access } = step;
  try {
    const userId = target.userId!;
    const { resent } = await sendPaced(() => access.client.resetSessions(userId, job.scope));
    target.state = 'done';
    target.errorCode = undefined;
    target.message = [
      t('bulk_signedOut', scopeWords(job.scope)),
      target.resent ? RESENT_AFTER_STOP : undefined,
      resent ? t('bulk_sentTwice') : undefined,
    ]
      .filter(Boolean)
      .join(' ');
  } catch (error) {
    const answer = classify(error, 'reset');
    if (answer.kind === 'stop') {
      target.state = 'pending';
      await recordNotDone([target], answer.code, answer.message);
      return stopJob(job, answer.message);
    }
    target.state = answer.kind === 'unknown' ? 'unknown' : 'failed';
    target.errorCode = answer.code;
    target.message = answer.message;
  }
  return 'went-on';
}
