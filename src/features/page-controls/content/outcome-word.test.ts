import { expect, it } from 'vitest';
import { outcomeWord, unresettableReason } from './outcome-word';

it('says each state in a few words, and a failure by its likely cause', () => {
  expect(outcomeWord('idle', '')).toBe('');
  expect(outcomeWord('working', 'Resetting…')).toBe('… Resetting');
  expect(outcomeWord('waiting', 'Slack asked to wait 20 s — retrying at 14:02:10')).toBe(
    '⏳ Waiting',
  );
  expect(outcomeWord('done', 'Signed Ada out.')).toBe('✓ Signed out');
  expect(
    outcomeWord('failed', 'Bot user: bots have no sessions to sign out, so Slack would refuse it.'),
  ).toBe('✕ Not allowed');
  expect(outcomeWord('failed', 'No member with U0X was found in this organization.')).toBe(
    '✕ Not found',
  );
  expect(outcomeWord('failed', 'This page moved or covered the button, so it did nothing.')).toBe(
    '✕ Not pressed',
  );
  expect(outcomeWord('failed', 'Unlock the token with its passphrase first.')).toBe('✕ Token');
  expect(outcomeWord('failed', 'Could not reach Slack. Check your connection.')).toBe('✕ Failed');
});

it('knows the account types Slack will not sign out from a row’s cells, and nothing else', () => {
  expect(unresettableReason(['Deploy Bot', 'Bot'])).toMatch(/^Bot user/);
  expect(unresettableReason(['Pat', ' Primary Owner '])).toMatch(/^Primary owner/);
  expect(unresettableReason(['Former Member', 'Deactivated'])).toMatch(/^Deactivated account/);
  expect(unresettableReason(['Ada Lovelace', 'Member', 'Bot detection team'])).toBeUndefined();
  expect(outcomeWord('unavailable', unresettableReason(['Bot'])!)).toBe('– Bot');
});
