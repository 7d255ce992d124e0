import { expect, it } from 'vitest';
import { failureKindOf } from '../model';
import { outcomeWord, unresettableAccount } from './outcome-word';

it('says each state in a few words, and a failure by the kind the background told', () => {
  expect(outcomeWord('idle')).toBe('');
  expect(outcomeWord('working')).toBe('… Resetting');
  expect(outcomeWord('waiting')).toBe('⏳ Waiting');
  expect(outcomeWord('done')).toBe('✓ Signed out');
  expect(outcomeWord('failed', { why: 'not-allowed' })).toBe('✕ Not allowed');
  expect(outcomeWord('failed', { why: 'not-found' })).toBe('✕ Not found');
  expect(outcomeWord('failed', { why: 'not-pressed' })).toBe('✕ Not pressed');
  expect(outcomeWord('failed', { why: 'token' })).toBe('✕ Token');
  expect(outcomeWord('failed')).toBe('✕ Failed');
});

it('takes the kind of a failure from Slack’s error code, not from a sentence', () => {
  expect(failureKindOf('cannot_reset_primary_owner')).toBe('not-allowed');
  expect(failureKindOf('cannot_reset_bot')).toBe('not-allowed');
  expect(failureKindOf('user_not_found')).toBe('not-found');
  expect(failureKindOf('locked')).toBe('token');
  expect(failureKindOf('missing_scope')).toBe('token');
  expect(failureKindOf('ratelimited')).toBe('wait');
  expect(failureKindOf('already_asking')).toBe('wait');
  expect(failureKindOf('network_error')).toBe('other');
  expect(failureKindOf(undefined)).toBe('other');
});

it('knows the account types Slack will not sign out from a row’s cells, and nothing else', () => {
  expect(unresettableAccount(['Deploy Bot', 'Bot'])).toMatchObject({
    account: 'bot',
    reason: expect.stringMatching(/^Bot user/),
  });
  expect(unresettableAccount(['Pat', ' Primary Owner '])?.reason).toMatch(/^Primary owner/);
  expect(unresettableAccount(['Former Member', 'Deactivated'])?.reason).toMatch(
    /^Deactivated account/,
  );
  expect(unresettableAccount(['Ada Lovelace', 'Member', 'Bot detection team'])).toBeUndefined();
  expect(outcomeWord('unavailable', { account: 'bot' })).toBe('– Bot');
  expect(outcomeWord('unavailable', { account: 'deactivated' })).toBe('– Deactivated');
});
