import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../src/background/handlers';
import type { HandlerContext } from '../../src/background/router';
import type { SlackClient } from '../../src/slack';

const USER = 'U0SBXLONGID000000000X';
const TEAM = 'T0SBXENG01';
// Past 2^53: as a Number it would become 9007199254740992, another session.
const BIG_SESSION = '9007199254740993';

const slack = vi.hoisted(() => ({
  invalidateSession: vi.fn(async (_args: unknown) => undefined),
  usersInfo: vi.fn(async (id: string) => ({
    id,
    realName: 'Lou Longname',
    isAdmin: false,
    isOwner: false,
    isPrimaryOwner: false,
    isBot: false,
    deleted: false,
    enterpriseTeams: ['T0SBXENG01'],
  })),
  recordActivity: vi.fn(async (entry: Record<string, unknown>) => ({
    ...entry,
    id: 'entry-1',
    at: '2024-05-01T10:00:00.000Z',
  })),
}));

vi.mock('../../src/shared/browser', () => ({
  default: { storage: { onChanged: { addListener: () => undefined } } },
}));
vi.mock('../../src/background/activity-log', () => ({
  recordActivity: slack.recordActivity,
  listActivity: vi.fn(async () => []),
}));
vi.mock('../../src/background/slack-access', () => ({
  clientForToken: vi.fn(),
  orgAccess: vi.fn(async () => ({
    client: {
      invalidateSession: slack.invalidateSession,
      usersInfo: slack.usersInfo,
    } as unknown as SlackClient,
    org: {
      id: 'token-1',
      team: 'Acme Sandbox Org',
      teamId: 'E0SANDBOX01',
      enterpriseId: 'E0SANDBOX01',
      url: 'https://acme-sandbox.enterprise.slack.com/',
      user: 'riley.admin',
      userId: 'W0SBXADMIN1',
      scopes: [],
      environment: 'commercial',
      mode: 'device',
      redacted: 'xoxp-…0001',
      savedAt: '2024-05-01T09:00:00.000Z',
      active: true,
      locked: false,
      forgotten: false,
    },
  })),
}));

const PAGE: HandlerContext = { kind: 'extension-page' };
const invalidate = handlers['ui/sessions/invalidate'];

beforeEach(() => {
  slack.invalidateSession.mockClear();
  slack.recordActivity.mockClear();
});

describe('ui/sessions/invalidate', () => {
  it('hands the client a session ID past 2^53 as the exact string it was given', async () => {
    const reply = await invalidate.handle(
      { userId: USER, sessionId: BIG_SESSION, teamId: TEAM },
      PAGE,
    );
    expect(reply).toEqual({ sessionId: BIG_SESSION });
    expect(slack.invalidateSession).toHaveBeenCalledTimes(1);
    expect(slack.invalidateSession.mock.calls[0]?.[0]).toStrictEqual({
      sessionId: BIG_SESSION,
      userId: USER,
      teamId: TEAM,
    });
    expect(slack.recordActivity).toHaveBeenCalledTimes(1);
    expect(slack.recordActivity.mock.calls[0]?.[0]).toMatchObject({
      action: 'invalidate',
      sessionId: BIG_SESSION,
      userId: USER,
      outcome: 'success',
    });
  });

  it('refuses a session ID sent as a Number that has already lost digits', async () => {
    await expect(
      invalidate.handle({ userId: USER, sessionId: Number(BIG_SESSION), teamId: TEAM }, PAGE),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(slack.invalidateSession).not.toHaveBeenCalled();
  });
});
