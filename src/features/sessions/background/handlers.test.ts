import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '../../../background/handlers';
import type { HandlerContext } from '../../../core/background/router';
import type { SlackClient } from '../../../slack';

const USER = 'U0SBXLONGID000000000X';
const TEAM = 'T0SBXENG01';
// Past 2^53: as a Number it would become 9007199254740992, another session.
const BIG_SESSION = '9007199254740993';

const slack = vi.hoisted(() => ({
  invalidateSession: vi.fn(async (_args: unknown) => ({
    resent: false,
    probablyEndedAlready: false,
  })),
  resetSessions: vi.fn(async (_userId: string, _scope: string) => ({ resent: false })),
  activeId: 'token-1',
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
  recordAttempt: vi.fn(async (entry: Record<string, unknown>) => ({
    entry: { ...entry, outcome: 'attempted', id: 'entry-1', at: '2024-05-01T10:00:00.000Z' },
    seq: 1,
  })),
  completeAttempt: vi.fn(
    async (attempt: { entry: Record<string, unknown> }, outcome: Record<string, unknown>) => ({
      ...attempt.entry,
      ...outcome,
    }),
  ),
}));

vi.mock('../../../core/browser', () => ({
  default: { storage: { onChanged: { addListener: () => undefined } } },
}));
vi.mock('../../activity/background/activity-log', () => ({
  recordAttempt: slack.recordAttempt,
  completeAttempt: slack.completeAttempt,
  listActivity: vi.fn(async () => []),
}));
vi.mock('../../../core/background/vault/vault', () => ({
  listTokens: vi.fn(async () => ({ tokens: [], activeId: slack.activeId })),
}));
vi.mock('../../../core/background/slack-access', () => ({
  clientForToken: vi.fn(),
  orgAccess: vi.fn(async () => ({
    client: {
      invalidateSession: slack.invalidateSession,
      resetSessions: slack.resetSessions,
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
/** A request as the router hands it on: read by its parser first, then handled. */
async function send(type: string, payload: Record<string, unknown>, context: HandlerContext) {
  const route = routes[type]!;
  const read = route.parse(payload);
  if (!read.ok) throw { code: 'invalid_input', message: read.message };
  return route.handle(read.value as never, context as never);
}

beforeEach(() => {
  slack.invalidateSession.mockClear();
  slack.resetSessions.mockClear();
  slack.recordAttempt.mockClear();
  slack.completeAttempt.mockClear();
  slack.activeId = 'token-1';
});

describe('ui/sessions/invalidate', () => {
  it('hands the client a session ID past 2^53 as the exact string it was given', async () => {
    const reply = await send(
      'ui/sessions/invalidate',
      { userId: USER, tokenId: 'token-1', sessionId: BIG_SESSION, teamId: TEAM },
      PAGE,
    );
    expect(reply).toEqual({
      sessionId: BIG_SESSION,
      message: `Ended session ${BIG_SESSION} of Lou Longname (${USER}).`,
    });
    expect(slack.invalidateSession).toHaveBeenCalledTimes(1);
    expect(slack.invalidateSession.mock.calls[0]?.[0]).toStrictEqual({
      sessionId: BIG_SESSION,
      userId: USER,
      teamId: TEAM,
    });
    expect(slack.recordAttempt).toHaveBeenCalledTimes(1);
    expect(slack.recordAttempt.mock.calls[0]?.[0]).toMatchObject({
      action: 'invalidate',
      sessionId: BIG_SESSION,
      userId: USER,
    });
    expect(slack.completeAttempt.mock.calls[0]?.[1]).toMatchObject({ outcome: 'success' });
  });

  it('refuses a session ID sent as a Number that has already lost digits', async () => {
    await expect(
      send(
        'ui/sessions/invalidate',
        { userId: USER, tokenId: 'token-1', sessionId: Number(BIG_SESSION), teamId: TEAM },
        PAGE,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(slack.invalidateSession).not.toHaveBeenCalled();
  });
});

describe('the org the admin saw', () => {
  it('a reset, an invalidate or a session list shown for one org is refused once another is active', async () => {
    slack.activeId = 'token-2';
    await expect(
      send(
        'ui/sessions/reset',
        { userId: USER, tokenId: 'token-1', scope: 'all', source: 'popup' },
        PAGE,
      ),
    ).rejects.toMatchObject({ code: 'org_changed' });
    await expect(
      send(
        'ui/sessions/invalidate',
        { userId: USER, tokenId: 'token-1', sessionId: BIG_SESSION, teamId: TEAM },
        PAGE,
      ),
    ).rejects.toMatchObject({ code: 'org_changed' });
    await expect(
      send('ui/sessions/list', { userId: USER, tokenId: 'token-1' }, PAGE),
    ).rejects.toMatchObject({ code: 'org_changed' });
    // Without the org it was shown for, nothing is sent either.
    await expect(
      send('ui/sessions/reset', { userId: USER, scope: 'all', source: 'popup' }, PAGE),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(slack.resetSessions).not.toHaveBeenCalled();
    expect(slack.invalidateSession).not.toHaveBeenCalled();
    expect(slack.recordAttempt).not.toHaveBeenCalled();
  });

  it('the same org goes through', async () => {
    const reply = await send(
      'ui/sessions/reset',
      { userId: USER, tokenId: 'token-1', scope: 'web', source: 'popup' },
      PAGE,
    );
    expect(reply).toMatchObject({ org: 'Acme Sandbox Org', scope: 'web', resent: false });
    expect(slack.resetSessions).toHaveBeenCalledWith(USER, 'web');
  });
});

describe('what Activity says of a write whose first attempt got no answer', () => {
  it('an answer refused only on the resend is unknown, not failed', async () => {
    const { SlackApiError } = await import('../../../slack');
    slack.resetSessions.mockRejectedValueOnce(
      new SlackApiError({
        code: 'ratelimited',
        sentence: 'Slack is rate limiting.',
        method: 'admin.users.session.reset',
        retryAfterSeconds: 60,
        resent: true,
      }),
    );
    await expect(
      send(
        'ui/sessions/reset',
        { userId: USER, tokenId: 'token-1', scope: 'all', source: 'popup' },
        PAGE,
      ),
    ).rejects.toMatchObject({ code: 'ratelimited' });
    expect(slack.completeAttempt.mock.calls[0]?.[1]).toMatchObject({
      outcome: 'unknown',
      message: expect.stringContaining('may have done it already'),
    });
  });
});
