import { expect, it } from 'vitest';
import { installFakeExtension } from '../support/fake-extension-storage';

// Only the module's pure decisions are tested here; its imports need a browser to load.
installFakeExtension();
const { mayResetWithoutAsking, isSlackPage } = await import('../../src/background/context-menu');

const ONE = [{ kind: 'id' as const, userId: 'U0123ABCD' as never }];
const THREE = ['U0123ABCD', 'W0ABCDEFGHIJ', 'U0SOMEONE1'].map((userId) => ({
  kind: 'id' as const,
  userId: userId as never,
}));

it('lets the preference skip the question only for one member on a Slack page', () => {
  expect(mayResetWithoutAsking(ONE, 'https://app.slack.com/client/T0123/C0123')).toBe(true);
  expect(mayResetWithoutAsking(ONE, 'https://acme-eng.slack-gov.com/admin')).toBe(true);
  expect(mayResetWithoutAsking(THREE, 'https://app.slack.com/client/T0123/C0123')).toBe(false);
  expect(mayResetWithoutAsking(ONE, 'https://tickets.example/INC-1')).toBe(false);
  expect(mayResetWithoutAsking(ONE, undefined)).toBe(false);
});

it('knows Slack pages by their HTTPS host, not by what the URL merely contains', () => {
  expect(isSlackPage('https://slack.com/intl/en-gb/')).toBe(true);
  expect(isSlackPage('http://app.slack.com/client')).toBe(false);
  expect(isSlackPage('https://slack.com.evil.example/')).toBe(false);
  expect(isSlackPage('https://evil.example/?u=https://app.slack.com')).toBe(false);
  expect(isSlackPage('https://notslack.com/')).toBe(false);
});
