/** A saved token as the background describes it to pages (never the token itself). */
import type { TokenSummary } from '../../src/features/tokens/model';

export const SAVED_TOKEN: TokenSummary = {
  id: 't1',
  team: 'Acme Corp',
  teamId: 'E0123ABCD',
  enterpriseId: 'E0123ABCD',
  url: 'https://acme.enterprise.slack.com/',
  user: 'grace',
  userId: 'U0ADMIN001',
  environment: 'commercial',
  mode: 'device',
  redacted: 'xoxp-…cdef',
  scopes: ['admin.users:write', 'admin.users:read', 'users:read.email'],
  savedAt: '2024-05-01T10:00:00.000Z',
  active: true,
  locked: false,
  forgotten: false,
};
