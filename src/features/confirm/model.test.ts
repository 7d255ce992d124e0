import { describe, expect, it } from 'vitest';
import type { ConfirmationOutcome } from './messages';
import { outcomeSummary, resultsText } from './model';

const ADA: ConfirmationOutcome = {
  label: 'Ada Lovelace (U0123ABCD)',
  ok: true,
  message: 'Signed Ada Lovelace (U0123ABCD) out (all devices).',
};
const BOT: ConfirmationOutcome = {
  label: 'Deploy Bot (U0SBXBOT0001)',
  ok: false,
  notSent: true,
  message: 'Deploy Bot (U0SBXBOT0001): Bot user: bots have no sessions.',
};
const GRACE: ConfirmationOutcome = {
  label: 'Grace Hopper (W0ABCDEFGHIJ)',
  ok: false,
  retryable: true,
  message: 'Grace Hopper (W0ABCDEFGHIJ): Slack is temporarily unavailable.',
};

describe('confirmation outcomes', () => {
  it('counts each kind in the summary', () => {
    expect(outcomeSummary([ADA, BOT, GRACE])).toBe(
      '1 of 3 members signed out; 1 failed; 1 not sent.',
    );
    expect(outcomeSummary([ADA])).toBe('1 of 1 member signed out.');
  });

  it('copies one line per member, in the order asked, each naming them once', () => {
    expect(resultsText([ADA, BOT, GRACE]).split('\n')).toEqual([
      'Signed out\tAda Lovelace (U0123ABCD)\tSigned Ada Lovelace (U0123ABCD) out (all devices).',
      'Not sent\tDeploy Bot (U0SBXBOT0001)\tBot user: bots have no sessions.',
      'Failed\tGrace Hopper (W0ABCDEFGHIJ)\tSlack is temporarily unavailable.',
    ]);
  });
});
