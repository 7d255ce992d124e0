import { expect, it } from 'vitest';
import { installFakeExtension } from '../../../../test/support/fake-extension-storage';

// Only the module's pure decisions are tested here; its imports need a browser to load.
installFakeExtension();
const { mayResetWithoutAsking, isSlackPage } = await import('./context-menu');

const ONE = [{ kind: 'id' as const, userId: 'U0123ABCD' as never }];
const THREE = ['U0123ABCD', 'W0ABCDEFGHIJ', 'U0SOMEONE1'].map((userId) => ({
  kind: 'id' as const,
  userId: userId as never,
}));

const SELECTED = { selectionText: 'U0123ABCD' };
const CLIENT = 'https://app.slack.com/client/T0123/C0123';

it('lets the preference skip the question only for one selected member on a Slack page', () => {
  expect(mayResetWithoutAsking(ONE, SELECTED, CLIENT)).toBe(true);
  expect(mayResetWithoutAsking(ONE, SELECTED, 'https://acme-eng.slack-gov.com/admin')).toBe(true);
  expect(mayResetWithoutAsking(THREE, SELECTED, CLIENT)).toBe(false);
  expect(mayResetWithoutAsking(ONE, SELECTED, 'https://tickets.example/INC-1')).toBe(false);
  expect(mayResetWithoutAsking(ONE, SELECTED, undefined)).toBe(false);
});

it('always asks for a link, whose text need not name the member it points to', () => {
  const link = { linkUrl: 'https://acme.slack.com/team/U0CEO00001' };
  expect(mayResetWithoutAsking(ONE, link, CLIENT)).toBe(false);
  expect(mayResetWithoutAsking(ONE, { ...link, selectionText: '@alice' }, CLIENT)).toBe(false);
});

it('knows Slack pages by their HTTPS host, not by what the URL merely contains', () => {
  expect(isSlackPage('https://slack.com/intl/en-gb/')).toBe(true);
  expect(isSlackPage('http://app.slack.com/client')).toBe(false);
  expect(isSlackPage('https://slack.com.evil.example/')).toBe(false);
  expect(isSlackPage('https://evil.example/?u=https://app.slack.com')).toBe(false);
  expect(isSlackPage('https://notslack.com/')).toBe(false);
});
