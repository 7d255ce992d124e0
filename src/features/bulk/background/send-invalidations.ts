/**
 * The per-session engine: admin.users.session.invalidate for each session in turn, with the
 * workspace and member it was listed with, paced by the client's rate gate like a reset.
 */
import { t } from '../../../shared/i18n';
import { recordNotDone, recordOutcomes } from './activity';
import type { JobTarget } from './jobs';
import { classify, RESENT_AFTER_STOP } from './outcomes';
import { type StepContext, type StepEnd, sendPaced, stopJob } from './step';

export async function sendInvalidations(step: StepContext): Promise<StepEnd> {
  const { job } = step;
  for (const target of job.targets) {
    if (target.state !== 'pending' || !target.sessionId || !target.userId) continue;
    if (step.cancelled()) return 'cancelled';
    target.state = 'sending';
    job.sendingSince ??= new Date(step.now()).toISOString();
    await step.keep([target]);
    if ((await invalidateOne(step, target)) === 'stopped') return 'stopped';
    await recordOutcomes(job, [target]);
    await step.keep();
  }
  return 'went-on';
}

async function invalidateOne(step: StepContext, target: JobTarget): Promise<StepEnd> {
  const { job, access } = step;
  try {
    const { resent, probablyEndedAlready } = await sendPaced(() =>
      access.client.invalidateSession({
        sessionId: target.sessionId!,
        userId: target.userId,
        teamId: target.teamId,
      }),
    );
    target.state = 'done';
    target.errorCode = undefined;
    target.message = [
      probablyEndedAlready ? t('bulk_probablyEnded') : t('bulk_sessionEnded'),
      target.resent ? RESENT_AFTER_STOP : undefined,
      resent && !probablyEndedAlready ? t('bulk_sentTwice') : undefined,
    ]
      .filter(Boolean)
      .join(' ');
  } catch (error) {
    const answer = classify(error, 'invalidate');
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
