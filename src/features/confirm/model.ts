/** How the confirmation window words each member's outcome, on screen and when copied. */
import { t } from '../../shared/i18n';
import type { ConfirmationOutcome } from './messages';

export type OutcomeKind = 'done' | 'failed' | 'unknown' | 'not-sent';

export function outcomeKind(outcome: ConfirmationOutcome): OutcomeKind {
  if (outcome.ok) return 'done';
  if (outcome.notSent) return 'not-sent';
  return outcome.unknown ? 'unknown' : 'failed';
}

/** A short word beside each line, with a mark that does not rely on colour. */
export function outcomeWord(kind: OutcomeKind): string {
  const key = {
    done: 'outcome_wordDone',
    failed: 'outcome_wordFailed',
    unknown: 'outcome_wordUnknown',
    'not-sent': 'outcome_wordNotSent',
  } as const;
  return t(key[kind]);
}

/** "1 of 4 members signed out; 1 failed; 2 not sent.", heading the window's outcome. */
export function outcomeSummary(outcomes: ConfirmationOutcome[]): string {
  return t('outcome_sentence', outcomeTally(outcomes));
}

/** The same count without the full stop: a notification's title. */
export function outcomeTally(outcomes: ConfirmationOutcome[]): string {
  const count = (kind: OutcomeKind) => outcomes.filter((o) => outcomeKind(o) === kind).length;
  const total = outcomes.length;
  const parts = [
    total === 1
      ? t('outcome_signedOutOne', count('done'))
      : t('outcome_signedOutMany', count('done'), total),
  ];
  if (count('failed')) parts.push(t('outcome_failedPart', count('failed')));
  if (count('unknown')) parts.push(t('outcome_unknownPart', count('unknown')));
  if (count('not-sent')) parts.push(t('outcome_notSentPart', count('not-sent')));
  return parts.join('; ');
}

/** Plain text, one line per member in the order asked: for a ticket or a chat. */
export function resultsText(outcomes: ConfirmationOutcome[]): string {
  return outcomes
    .map((o) => `${outcomeWord(outcomeKind(o)).slice(2)}\t${o.label}\t${detailOf(o)}`)
    .join('\n');
}

/** The sentence without the member's label in front, where it starts with it. */
function detailOf(outcome: ConfirmationOutcome): string {
  const prefix = `${outcome.label}: `;
  return outcome.message.startsWith(prefix)
    ? outcome.message.slice(prefix.length)
    : outcome.message;
}
