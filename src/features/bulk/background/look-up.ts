/**
 * Members given by e-mail are looked up (users.lookupByEmail, paced by its own rate limit)
 * before anything is sent; one not found is that member's outcome, not the job's failure. A
 * member given twice (an ID and their e-mail) is then one member.
 */
import type { UserId } from '../../../shared/ids';
import type { JobTarget } from './jobs';
import { classify } from './outcomes';
import { type StepContext, type StepEnd, sendPaced, stopJob } from './step';

/** Look-ups between two writes of the job: a stop repeats at most these (they change nothing). */
const KEEP_EVERY = 25;

export async function lookUpEmails(step: StepContext): Promise<StepEnd> {
  const { job, access } = step;
  let sinceKept = 0;
  for (const target of job.targets) {
    if (target.ref.kind !== 'email' || target.userId || target.state !== 'pending') continue;
    if (step.cancelled()) return 'cancelled';
    try {
      const { email } = target.ref;
      const user = await sendPaced(() => access.client.lookupByEmail(email));
      target.userId = user.id as UserId;
      target.name = user.realName || user.displayName || user.name || undefined;
    } catch (error) {
      const answer = classify(error, 'reset');
      if (answer.kind === 'stop') return stopJob(job, answer.message);
      target.state = 'failed';
      target.errorCode = answer.code;
      target.message = answer.message;
      // The member's outcome, in Activity as in the results.
      await step.keep([target]);
      sinceKept = 0;
      continue;
    }
    if (++sinceKept >= KEEP_EVERY) {
      sinceKept = 0;
      await step.keep();
    }
  }
  mergeRepeats(job.targets);
  await step.keep();
  return 'went-on';
}

/**
 * A member named twice (an ID and an e-mail) keeps the first place; the other is folded in.
 * Sessions to end are told apart by session: one member's several sessions all stay.
 */
function mergeRepeats(targets: JobTarget[]): void {
  const first = new Map<string, JobTarget>();
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i]!;
    if (!target.userId) continue;
    const key = target.sessionId ? `${target.teamId}:${target.sessionId}` : target.userId;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, target);
      continue;
    }
    if (target.state !== 'pending') continue;
    earlier.given = `${earlier.given}, ${target.given}`;
    earlier.email ??= target.ref.kind === 'email' ? target.ref.email : target.email;
    earlier.name ??= target.name;
    targets.splice(i--, 1);
  }
}
