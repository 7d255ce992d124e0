/** How the confirmation window words each member's outcome, on screen and when copied. */
import type { ConfirmationOutcome } from './messages';

export type OutcomeKind = 'done' | 'failed' | 'unknown' | 'not-sent';

export function outcomeKind(outcome: ConfirmationOutcome): OutcomeKind {
  if (outcome.ok) return 'done';
  if (outcome.notSent) return 'not-sent';
  return outcome.unknown ? 'unknown' : 'failed';
}

/** A short word beside each line, with a mark that does not rely on colour. */
export const OUTCOME_WORD: Record<OutcomeKind, string> = {
  done: '✓ Signed out',
  failed: '✕ Failed',
  unknown: '? Unknown',
  'not-sent': '– Not sent',
};

/** "1 of 4 members signed out; 1 failed; 2 not sent." */
export function outcomeSummary(outcomes: ConfirmationOutcome[]): string {
  const count = (kind: OutcomeKind) => outcomes.filter((o) => outcomeKind(o) === kind).length;
  const total = outcomes.length;
  const parts = [`${count('done')} of ${total} ${total === 1 ? 'member' : 'members'} signed out`];
  if (count('failed')) parts.push(`${count('failed')} failed`);
  if (count('unknown')) parts.push(`${count('unknown')} unknown`);
  if (count('not-sent')) parts.push(`${count('not-sent')} not sent`);
  return `${parts.join('; ')}.`;
}

/** Plain text, one line per member in the order asked: for a ticket or a chat. */
export function resultsText(outcomes: ConfirmationOutcome[]): string {
  return outcomes
    .map((o) => `${OUTCOME_WORD[outcomeKind(o)].slice(2)}\t${o.label}\t${detailOf(o)}`)
    .join('\n');
}

/** The sentence without the member's label in front, where it starts with it. */
function detailOf(outcome: ConfirmationOutcome): string {
  const prefix = `${outcome.label}: `;
  return outcome.message.startsWith(prefix)
    ? outcome.message.slice(prefix.length)
    : outcome.message;
}
