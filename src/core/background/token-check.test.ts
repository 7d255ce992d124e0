import { describe, expect, it, vi } from 'vitest';
import { REQUIRED_SCOPES } from '../../features/tokens/model';
import { type AuthTestResult, SlackApiError, type SlackClient, type SlackUser } from '../../slack';
import { ActionError } from './errors';
import { checkTokenShape, identifyToken, missingScopes, scopeWarnings } from './token-check';

const USER_TOKEN = 'xoxp-1111111111-2222222222-3333333333-0123456789abcdef';
const ALL_REQUIRED = Object.keys(REQUIRED_SCOPES);

function refusal(run: () => unknown): ActionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError);
    return error as ActionError;
  }
  throw new Error('expected the token to be refused');
}

describe('checkTokenShape', () => {
  it.each([
    [USER_TOKEN, USER_TOKEN],
    [`  ${USER_TOKEN}\n`, USER_TOKEN],
    [`\t${USER_TOKEN}\r\n`, USER_TOKEN],
    [`xoxe.${USER_TOKEN}`, `xoxe.${USER_TOKEN}`],
    [` xoxe.${USER_TOKEN} `, `xoxe.${USER_TOKEN}`],
  ])('accepts %j as %j', (input, expected) => {
    expect(checkTokenShape(input)).toBe(expected);
  });

  const cases: [string, string, string, RegExp?][] = [
    ['empty', '', 'invalid_token'],
    ['only spaces', '   \n', 'invalid_token'],
    ['a bot token', 'xoxb-1111111111-2222222222-abcdefABCDEF', 'bot_token', /bot token/i],
    ['a browser session token (xoxc)', 'xoxc-1111111111-2222222222-abcdef', 'browser_token'],
    ['a browser cookie token (xoxd)', 'xoxd-abcdefABCDEF1234567890', 'browser_token'],
    ['an app-level token', 'xapp-1-A0123ABCD-1111111111-abcdef', 'wrong_token_type'],
    ['a random string', 'hello world', 'invalid_token'],
    ['a token with a space inside', 'xoxp-1111111111 2222222222-abcdef', 'invalid_token'],
    ['a token with a tab inside', 'xoxp-1111111111\t2222222222-abcdef', 'invalid_token'],
    ['a token with a non-ASCII letter', 'xoxp-1111111111-ß222222222-abcdef', 'invalid_token'],
    ['a too short token', 'xoxp-12', 'invalid_token'],
    ['an upper-case prefix', 'XOXP-1111111111-2222222222-abcdef', 'invalid_token'],
    ['a bearer header', `Bearer ${USER_TOKEN}`, 'invalid_token'],
  ];

  it.each(cases)('refuses %s with a sentence', (_name, input, code, mentions) => {
    const error = refusal(() => checkTokenShape(input));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^[A-Z].{20,}[.!]$/);
    if (mentions) expect(error.message).toMatch(mentions);
    const token = input.trim();
    if (token !== '') expect(error.message).not.toContain(token);
    // Not even the secret part after the prefix.
    if (token.length > 15) expect(error.message).not.toContain(token.slice(5, 15));
  });

  it('gives each kind of mistake its own sentence', () => {
    const sentence = (input: string) => refusal(() => checkTokenShape(input)).message;
    const sentences = [
      sentence(''),
      sentence('xoxb-1111111111-abcdef'),
      sentence('xoxc-1111111111-abcdef'),
      sentence('xapp-1-A0123ABCD-abcdef'),
      sentence('hello world'),
    ];
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(sentence('xoxd-1111111111-abcdef')).toBe(sentence('xoxc-1111111111-abcdef'));
  });
});

describe('scopeWarnings', () => {
  it('says nothing for exactly the required scopes, with or without the expected extras', () => {
    expect(scopeWarnings(ALL_REQUIRED)).toEqual([]);
    expect(scopeWarnings([...ALL_REQUIRED, 'users:read', 'identify'])).toEqual([]);
    expect(missingScopes(ALL_REQUIRED)).toEqual([]);
  });

  it.each(Object.entries(REQUIRED_SCOPES))(
    'names %s when missing and what it disables',
    (scope, effect) => {
      const warnings = scopeWarnings(ALL_REQUIRED.filter((s) => s !== scope));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(scope);
      expect(warnings[0]).toContain(effect);
    },
  );

  it('names every missing scope, one warning each', () => {
    const warnings = scopeWarnings([]);
    expect(warnings).toHaveLength(ALL_REQUIRED.length);
    for (const scope of ALL_REQUIRED) expect(warnings.some((w) => w.includes(scope))).toBe(true);
    expect(missingScopes(['admin.users:write'])).toEqual(['admin.users:read', 'users:read.email']);
  });

  it('allows up to five unneeded scopes', () => {
    const extras = ['chat:write', 'channels:read', 'files:read', 'groups:read', 'im:read'];
    expect(scopeWarnings([...ALL_REQUIRED, ...extras])).toEqual([]);
  });

  it('warns when a token carries more than five unneeded scopes', () => {
    const extras = ['chat:write', 'channels:read', 'files:read', 'groups:read', 'im:read', 'admin'];
    const warnings = scopeWarnings([...ALL_REQUIRED, 'users:read', 'identify', ...extras]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('6 scopes');
    expect(warnings[0]).toContain('chat:write');
    const listed = /\(([^)]*)\)/.exec(warnings[0] ?? '')?.[1]?.split(', ');
    expect(listed).toEqual(extras);
  });
});

function authTest(overrides: Partial<AuthTestResult> = {}): AuthTestResult {
  return {
    url: 'https://acme.enterprise.slack.com/',
    team: 'Acme Corp',
    user: 'grace',
    teamId: 'T0123ABCD',
    userId: 'U0ADMIN001',
    enterpriseId: 'E0123ABCD',
    isEnterpriseInstall: true,
    scopes: [...ALL_REQUIRED],
    ...overrides,
  };
}

function fakeClient(
  result: AuthTestResult | Error,
  self: Partial<SlackUser> | Error = { isAdmin: true },
) {
  const client = {
    authTest: vi.fn(async () => {
      if (result instanceof Error) throw result;
      return result;
    }),
    usersInfo: vi.fn(async (id: string) => {
      if (self instanceof Error) throw self;
      return { id, isAdmin: false, isOwner: false, isPrimaryOwner: false, ...self } as SlackUser;
    }),
  };
  return client as typeof client & SlackClient;
}

async function rejection(promise: Promise<unknown>): Promise<ActionError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ActionError);
    return error as ActionError;
  }
  throw new Error('expected identifyToken to refuse');
}

describe('identifyToken', () => {
  it('refuses a token Slack says belongs to a bot', async () => {
    const client = fakeClient(authTest({ botId: 'B0123ABCD' }));
    const error = await rejection(identifyToken(client));
    expect(error.code).toBe('bot_token');
    expect(error.message).toMatch(/bot/);
    expect(client.authTest).toHaveBeenCalledTimes(1);
  });

  it('refuses a token without admin.users:write and says which scope is needed', async () => {
    const client = fakeClient(
      authTest({ scopes: ['admin.users:read', 'users:read.email', 'users:read'] }),
    );
    const error = await rejection(identifyToken(client));
    expect(error.code).toBe('missing_scope');
    expect(error.extra.needed).toBe('admin.users:write');
    expect(error.message).toContain('admin.users:write');
  });

  it('returns the org identity, using the enterprise ID as the team ID', async () => {
    const result = await identifyToken(fakeClient(authTest()));
    expect(result.identity).toEqual({
      team: 'Acme Corp',
      teamId: 'E0123ABCD',
      enterpriseId: 'E0123ABCD',
      url: 'https://acme.enterprise.slack.com/',
      user: 'grace',
      userId: 'U0ADMIN001',
      scopes: ALL_REQUIRED,
    });
    expect(result.warnings).toEqual([]);
  });

  it('keeps the workspace team ID when there is no enterprise', async () => {
    const result = await identifyToken(
      fakeClient(authTest({ enterpriseId: undefined, isEnterpriseInstall: false })),
    );
    expect(result.identity.teamId).toBe('T0123ABCD');
    expect(result.identity.enterpriseId).toBeUndefined();
  });

  it('passes scope warnings along with a usable token', async () => {
    const result = await identifyToken(fakeClient(authTest({ scopes: ['admin.users:write'] })));
    expect(result.identity.userId).toBe('U0ADMIN001');
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings.join(' ')).toContain('admin.users:read');
    expect(result.warnings.join(' ')).toContain('users:read.email');
  });

  it('warns, naming what will fail, of a token whose user is not an org owner or admin', async () => {
    const client = fakeClient(authTest(), { isAdmin: false, isOwner: false });
    const { warnings } = await identifyToken(client);
    expect(client.usersInfo).toHaveBeenCalledWith('U0ADMIN001');
    expect(warnings).toEqual([
      expect.stringMatching(/^grace is not an org owner or org admin of Acme Corp: .*not_an_admin/),
    ]);
    expect((await identifyToken(fakeClient(authTest(), { isOwner: true }))).warnings).toEqual([]);
  });

  it('says the role could not be checked when users.info fails, and saves all the same', async () => {
    const noRead = new SlackApiError({
      code: 'missing_scope',
      sentence: 'Needs users:read.',
      method: 'users.info',
    });
    const { warnings } = await identifyToken(fakeClient(authTest(), noRead));
    expect(warnings).toEqual([
      expect.stringMatching(/^Could not check that grace is an org owner or admin/),
    ]);
  });

  it('warns of an app installed on one workspace only', async () => {
    const { warnings } = await identifyToken(
      fakeClient(authTest({ team: 'Acme Engineering', isEnterpriseInstall: false })),
    );
    expect(warnings).toEqual([
      expect.stringMatching(
        /^This app is installed on the workspace Acme Engineering only, not on the organization: .*not_allowed_token_type/,
      ),
    ]);
  });

  it('lets a failing auth.test through unchanged', async () => {
    const failure = new Error('invalid_auth');
    await expect(identifyToken(fakeClient(failure))).rejects.toBe(failure);
  });
});
