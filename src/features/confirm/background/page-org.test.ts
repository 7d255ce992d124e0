import { expect, it } from 'vitest';
import { installFakeExtension } from '../../../../test/support/fake-extension-storage';
import type { TokenSummary } from '../../tokens/model';

installFakeExtension();
const { matchPageOrg } = await import('./page-org');

function token(partial: Partial<TokenSummary> & Pick<TokenSummary, 'id'>): TokenSummary {
  return {
    team: partial.id,
    teamId: 'E0ACME00001',
    url: 'https://acme.enterprise.slack.com/',
    user: 'admin',
    userId: 'W0ADMIN0001',
    scopes: [],
    environment: 'commercial',
    mode: 'device',
    redacted: 'xoxp-…0000',
    savedAt: '2026-01-01T00:00:00.000Z',
    active: false,
    locked: false,
    forgotten: false,
    ...partial,
  };
}

const ACME = token({ id: 'acme', enterpriseId: 'E0ACME00001', active: true });
const GLOBEX = token({
  id: 'globex',
  teamId: 'E0GLOBEX001',
  enterpriseId: 'E0GLOBEX001',
  url: 'https://globex.enterprise.slack.com/',
  pageHosts: ['globex-eng.slack.com'],
});
const GOV = token({
  id: 'gov',
  teamId: 'E0ACME00001',
  enterpriseId: 'E0ACME00001',
  environment: 'gov',
  url: 'https://acme.enterprise.slack-gov.com/',
});
const SAVED = [ACME, GLOBEX, GOV];

it('finds the org by the enterprise ID in an app.slack.com path', () => {
  expect(matchPageOrg(SAVED, 'https://app.slack.com', '/manage/E0GLOBEX001/people')?.id).toBe(
    'globex',
  );
  expect(matchPageOrg(SAVED, 'https://app.slack-gov.com', '/manage/E0ACME00001/people')?.id).toBe(
    'gov',
  );
});

it('finds the org by its own host, or a workspace host the admin said is in it', () => {
  expect(matchPageOrg(SAVED, 'https://acme.enterprise.slack.com', '/manage/people')?.id).toBe(
    'acme',
  );
  expect(matchPageOrg(SAVED, 'https://globex-eng.slack.com', '/admin')?.id).toBe('globex');
});

it('never falls back to the active org for a page it does not know', () => {
  expect(matchPageOrg(SAVED, 'https://initech.slack.com', '/admin')).toBeUndefined();
  expect(
    matchPageOrg(SAVED, 'https://app.slack.com', '/manage/E0INITECH01/people'),
  ).toBeUndefined();
  expect(matchPageOrg(SAVED, 'https://app.slack.com', '/admin')).toBeUndefined();
  // A commercial page never matches a GovSlack token, nor the other way round.
  expect(
    matchPageOrg([GOV], 'https://acme.enterprise.slack.com', '/manage/people'),
  ).toBeUndefined();
});
