import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import type { SessionId, UserId } from '../shared/ids';
import type { DeviceScope } from '../shared/scope';
import {
  createSlackClient,
  createTransport,
  describeSlackError,
  GOVSLACK_API_BASE,
  isRetryableSlackError,
  isSlackError,
  MAX_SESSION_PAGES,
  parseRetryAfter,
  parseScopes,
  SLACK_API_BASE,
  SlackAbortError,
  SlackApiError,
  SlackArgumentError,
  type SlackClientOptions,
  SlackError,
  SlackTransportError,
} from '.';

const TOKEN = 'xoxp-1111111111-2222222222-3333333333-0123456789abcdefSECRET';

interface RecordedCall {
  url: string;
  method: string | undefined;
  headers: Headers;
  /** The form body, parsed back. */
  form: URLSearchParams;
  rawBody: string;
  init: RequestInit;
}

/** One scripted answer: a Response factory, or an error to reject with. */
type Step =
  | (() => Response | Promise<Response>)
  | ((init: RequestInit) => Promise<Response>)
  | Error;

function json(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): () => Response {
  return () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status: init.status ?? 200,
      headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
    });
}

function text(body: string, status = 200, headers: Record<string, string> = {}) {
  // Statuses such as 204 may not carry a body at all.
  return () => new Response(body === '' ? null : body, { status, headers });
}

const okBody = json({ ok: true });

function status(code: number, headers: Record<string, string> = {}) {
  return () =>
    new Response(code === 429 ? '{"ok":false,"error":"ratelimited"}' : '', {
      status: code,
      headers,
    });
}

/** A fetch that never answers until its signal aborts (as a real fetch does). */
const hang: Step = (init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    const signal = init.signal;
    signal?.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')));
  });

function fakeFetch(steps: Step[], repeatLast = true) {
  const calls: RecordedCall[] = [];
  let index = 0;
  const fetchImpl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const rawBody = typeof init.body === 'string' ? init.body : String(init.body ?? '');
    calls.push({
      url: String(input),
      method: init.method,
      headers: new Headers(init.headers),
      form: new URLSearchParams(rawBody),
      rawBody,
      init,
    });
    const step = steps[Math.min(index, steps.length - 1)];
    index += 1;
    if (!repeatLast && index > steps.length)
      throw new Error('fetch called more often than scripted');
    if (step === undefined) throw new Error('no scripted answer');
    if (step instanceof Error) throw step;
    return step(init);
  };
  return { fetch: fetchImpl as typeof fetch, calls };
}

function setup(steps: Step[], options: Partial<SlackClientOptions> = {}) {
  const { fetch, calls } = fakeFetch(steps);
  const sleeps: number[] = [];
  const rateLimited: { method: string; retryAfterSeconds: number }[] = [];
  const client = createSlackClient({
    token: TOKEN,
    apiBase: SLACK_API_BASE,
    fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    now: () => Date.UTC(2026, 0, 1, 12, 0, 0),
    onRateLimited: (info) => rateLimited.push(info),
    ...options,
  });
  return { client, calls, sleeps, rateLimited };
}

/** Asserts the token appears nowhere in an error, however it is printed or serialised. */
function expectNoToken(error: unknown): void {
  const views = [
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
    JSON.stringify(
      Object.getOwnPropertyNames(error ?? {}).map((k) => (error as Record<string, unknown>)[k]),
    ),
  ];
  const secret = TOKEN.split('-').pop() as string;
  for (const view of views) {
    expect(view).not.toContain(TOKEN);
    expect(view).not.toContain(secret);
  }
}

/** The rejection of `promise`, after checking it leaks no token. */
async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    expectNoToken(error);
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the call to fail');
}

function formOf(call: RecordedCall | undefined): Record<string, string> {
  expect(call).toBeDefined();
  return Object.fromEntries((call as RecordedCall).form);
}

const USER = 'U0123ABCD' as UserId;
const W_USER = 'W0ABCDEFGHIJ' as UserId;
const TEAM = 'T0123ABCD';

function session(id: string | number, extra: Record<string, unknown> = {}) {
  return { user_id: USER, team_id: TEAM, session_id: id, ...extra };
}

/** A list answer written by hand, so bare session IDs reach the client as raw digits. */
function rawList(ids: string[], nextCursor = '') {
  const items = ids.map((id) => `{"user_id":"${USER}","team_id":"${TEAM}","session_id":${id}}`);
  return json(
    `{"ok":true,"active_sessions":[${items.join(',')}],"response_metadata":{"next_cursor":"${nextCursor}"}}`,
  );
}

describe('request shape', () => {
  it('POSTs form-encoded arguments to the method URL with the token only in the header', async () => {
    const { client, calls } = setup([okBody]);
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://slack.com/api/admin.users.session.reset');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(call?.headers.get('accept')).toBe('application/json');
    expect(call?.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call?.init.credentials).toBe('omit');
    expect(call?.rawBody).not.toContain(TOKEN);
    expect(formOf(call)).toEqual({ user_id: USER });
  });

  it('exports both API bases and uses the GovSlack one when chosen', async () => {
    expect(SLACK_API_BASE).toBe('https://slack.com/api/');
    expect(GOVSLACK_API_BASE).toBe('https://slack-gov.com/api/');
    const { client, calls } = setup([okBody], { apiBase: GOVSLACK_API_BASE });
    await client.resetSessions(USER, 'web');
    expect(calls[0]?.url).toBe('https://slack-gov.com/api/admin.users.session.reset');
  });

  it('adds a missing trailing slash to the API base', async () => {
    const { client, calls } = setup([okBody], { apiBase: 'https://slack.com/api' });
    await client.resetSessions(USER, 'all');
    expect(calls[0]?.url).toBe('https://slack.com/api/admin.users.session.reset');
  });

  it('refuses a plain-http API base except on this machine', () => {
    const { fetch } = fakeFetch([okBody]);
    expect(() =>
      createSlackClient({ token: TOKEN, apiBase: 'http://slack.com/api/', fetch }),
    ).toThrow(SlackArgumentError);
    expect(() => createSlackClient({ token: TOKEN, apiBase: 'not a url', fetch })).toThrow(
      SlackArgumentError,
    );
    expect(() =>
      createSlackClient({ token: TOKEN, apiBase: 'http://127.0.0.1:8443/api/', fetch }),
    ).not.toThrow();
  });

  it('refuses an empty token, or one with spaces or line breaks, without quoting it', () => {
    const { fetch } = fakeFetch([okBody]);
    for (const token of ['', `${TOKEN}\n`, ` ${TOKEN}`, `${TOKEN}\r\nX-Evil: 1`]) {
      let thrown: unknown;
      try {
        createSlackClient({ token, apiBase: SLACK_API_BASE, fetch });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SlackArgumentError);
      expectNoToken(thrown);
    }
  });

  it('calls fetch unbound, as a browser requires', async () => {
    let receiver: unknown = 'not called';
    const fetchImpl = function (this: unknown) {
      receiver = this;
      return Promise.resolve(okBody());
    } as unknown as typeof fetch;
    const client = createSlackClient({ token: TOKEN, apiBase: SLACK_API_BASE, fetch: fetchImpl });
    await client.resetSessions(USER, 'all');
    expect(receiver).toBeUndefined();
  });
});

describe('authTest', () => {
  it('returns identity and the scopes from X-OAuth-Scopes', async () => {
    const { client, calls } = setup([
      json(
        {
          ok: true,
          url: 'https://acme.enterprise.slack.com/',
          team: 'Acme Org',
          user: 'grace',
          team_id: 'E0SANDBOX01',
          user_id: 'W0ADMIN0001',
          enterprise_id: 'E0SANDBOX01',
          is_enterprise_install: true,
          app_id: 'A0APP000001',
        },
        { headers: { 'x-oauth-scopes': 'admin.users:read, admin.users:write ,users:read.email,' } },
      ),
    ]);
    const result = await client.authTest();
    expect(calls[0]?.url).toBe('https://slack.com/api/auth.test');
    expect(formOf(calls[0])).toEqual({});
    expect(result).toEqual({
      url: 'https://acme.enterprise.slack.com/',
      team: 'Acme Org',
      user: 'grace',
      teamId: 'E0SANDBOX01',
      userId: 'W0ADMIN0001',
      enterpriseId: 'E0SANDBOX01',
      isEnterpriseInstall: true,
      appId: 'A0APP000001',
      scopes: ['admin.users:read', 'admin.users:write', 'users:read.email'],
    });
  });

  it('gives an empty scope list when the header is absent, and keeps bot IDs', async () => {
    const { client } = setup([
      json({
        ok: true,
        url: 'u',
        team: 't',
        user: null,
        team_id: TEAM,
        user_id: USER,
        bot_id: 'B0BOT00001',
      }),
    ]);
    const result = await client.authTest();
    expect(result.scopes).toEqual([]);
    expect(result.user).toBe('');
    expect(result.botId).toBe('B0BOT00001');
    expect(result.isEnterpriseInstall).toBe(false);
    expect(result).not.toHaveProperty('enterpriseId');
  });

  it('calls an answer without user_id malformed', async () => {
    const { client } = setup([json({ ok: true, team: 'x' })]);
    const error = await rejection(client.authTest());
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error.kind).toBe('malformed');
    expect(error.code).toBe('malformed_response');
  });
});

describe('resetSessions', () => {
  it.each([
    ['all', {}],
    ['web', { web_only: 'true' }],
    ['mobile', { mobile_only: 'true' }],
  ] as const)('scope %s sends user_id and only its own flag', async (scope, flags) => {
    const { client, calls } = setup([okBody]);
    await client.resetSessions(W_USER, scope);
    expect(formOf(calls[0])).toEqual({ user_id: W_USER, ...flags });
  });

  it('refuses a bad user ID or scope before sending anything', async () => {
    const { client, calls } = setup([okBody]);
    for (const bad of ['', 'T0123ABCD', 'U123', 'U0123ABCD; DROP TABLE']) {
      const error = await rejection(client.resetSessions(bad as UserId, 'all'));
      expect(error).toBeInstanceOf(SlackArgumentError);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message.length).toBeGreaterThan(10);
    }
    await rejection(client.resetSessions(USER, 'desktop' as DeviceScope));
    expect(calls).toHaveLength(0);
  });

  it('normalises a lower-case ID', async () => {
    const { client, calls } = setup([okBody]);
    await client.resetSessions('u0123abcd' as UserId, 'all');
    expect(formOf(calls[0])).toEqual({ user_id: 'U0123ABCD' });
  });
});

describe('invalidateSession', () => {
  it('sends every identifier it has', async () => {
    const { client, calls } = setup([okBody]);
    await client.invalidateSession({
      sessionId: '1112275520242' as SessionId,
      userId: USER,
      teamId: TEAM,
    });
    expect(calls[0]?.url).toBe('https://slack.com/api/admin.users.session.invalidate');
    expect(formOf(calls[0])).toEqual({ session_id: '1112275520242', user_id: USER, team_id: TEAM });
  });

  it('works with the user ID alone or the team ID alone', async () => {
    const { client, calls } = setup([okBody]);
    await client.invalidateSession({ sessionId: '12345' as SessionId, userId: USER });
    await client.invalidateSession({ sessionId: '12345' as SessionId, teamId: 'E011E2SBBFC' });
    expect(formOf(calls[0])).toEqual({ session_id: '12345', user_id: USER });
    expect(formOf(calls[1])).toEqual({ session_id: '12345', team_id: 'E011E2SBBFC' });
  });

  it('keeps a session ID beyond 2^53 exact', async () => {
    const { client, calls } = setup([okBody]);
    await client.invalidateSession({ sessionId: '9007199254740993' as SessionId, userId: USER });
    expect(formOf(calls[0]).session_id).toBe('9007199254740993');
  });

  it('refuses bad arguments before sending', async () => {
    const { client, calls } = setup([okBody]);
    const bad: unknown[] = [
      { sessionId: '12345' },
      { sessionId: '', userId: USER },
      { sessionId: '-1', userId: USER },
      { sessionId: '1.5', userId: USER },
      { sessionId: '12a', userId: USER },
      { sessionId: 1112275520242, userId: USER },
      { sessionId: '12345', userId: 'C0123ABCD' },
      { sessionId: '12345', teamId: 't0123' },
    ];
    for (const args of bad) {
      const error = await rejection(client.invalidateSession(args as never));
      expect(error).toBeInstanceOf(SlackArgumentError);
    }
    expect(calls).toHaveLength(0);
  });
});

describe('listSessions', () => {
  it('sends nothing but what is given', async () => {
    const { client, calls } = setup([json({ ok: true, active_sessions: [] })]);
    expect(await client.listSessions()).toEqual({ sessions: [] });
    expect(calls[0]?.url).toBe('https://slack.com/api/admin.users.session.list');
    expect(formOf(calls[0])).toEqual({});
  });

  it('sends user, team, limit and cursor, and decodes sessions and the next cursor', async () => {
    const device = {
      device_hardware: 'Intel',
      os: 'OS X',
      os_version: '10.15.7',
      slack_client_version: '91.0.4472.77',
      ip: '24.6.145.138',
    };
    const { client, calls } = setup([
      json({
        ok: true,
        active_sessions: [session(1112275520242, { recent: device, created: { os: 'iOS' } })],
        response_metadata: { next_cursor: 'dXNlcjpXMDEy' },
      }),
    ]);
    const page = await client.listSessions({
      userId: USER,
      teamId: TEAM,
      limit: 50,
      cursor: 'abc=',
    });
    expect(formOf(calls[0])).toEqual({ user_id: USER, team_id: TEAM, limit: '50', cursor: 'abc=' });
    expect(page).toEqual({
      sessions: [
        {
          userId: USER,
          teamId: TEAM,
          sessionId: '1112275520242',
          recent: {
            deviceHardware: 'Intel',
            os: 'OS X',
            osVersion: '10.15.7',
            slackClientVersion: '91.0.4472.77',
            ip: '24.6.145.138',
          },
          created: { os: 'iOS' },
        },
      ],
      nextCursor: 'dXNlcjpXMDEy',
    });
  });

  it('has no next cursor on the last page', async () => {
    const { client } = setup([
      json({ ok: true, active_sessions: [session(1)], response_metadata: { next_cursor: '' } }),
    ]);
    const page = await client.listSessions({ userId: USER, teamId: TEAM });
    expect(page).not.toHaveProperty('nextCursor');
  });

  it('wants user and team together or neither', async () => {
    const { client, calls } = setup([okBody]);
    const userOnly = await rejection(client.listSessions({ userId: USER }));
    const teamOnly = await rejection(client.listSessions({ teamId: TEAM }));
    expect(userOnly).toBeInstanceOf(SlackArgumentError);
    expect(userOnly.message).toMatch(/workspace ID/);
    expect(teamOnly).toBeInstanceOf(SlackArgumentError);
    expect(teamOnly.message).toMatch(/user ID/);
    expect(calls).toHaveLength(0);
  });

  it('refuses a bad page size or empty cursor', async () => {
    const { client, calls } = setup([okBody]);
    for (const limit of [0, 1001, 1.5, -1, Number.NaN]) {
      expect(await rejection(client.listSessions({ limit }))).toBeInstanceOf(SlackArgumentError);
    }
    expect(await rejection(client.listSessions({ cursor: '' }))).toBeInstanceOf(SlackArgumentError);
    expect(calls).toHaveLength(0);
  });

  it('reads no_active_sessions as an empty list', async () => {
    const { client } = setup([json({ ok: false, error: 'no_active_sessions' })]);
    expect(await client.listSessions({ userId: USER, teamId: TEAM })).toEqual({ sessions: [] });
  });

  it('calls a list that is not an array malformed', async () => {
    const { client } = setup([json({ ok: true, active_sessions: 'none' })]);
    const error = await rejection(client.listSessions());
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error.kind).toBe('malformed');
  });

  it('leaves out and counts sessions without a usable session or member ID, keeping the rest', async () => {
    const { client } = setup([
      json({
        ok: true,
        active_sessions: [
          { user_id: USER, team_id: TEAM },
          session(-5),
          null,
          { session_id: 1112275520243, team_id: TEAM },
          session(1112275520242),
        ],
      }),
    ]);
    const page = await client.listSessions();
    expect(page.sessions.map((s) => s.sessionId)).toEqual(['1112275520242']);
    expect(page.skipped).toBe(4);
  });
});

describe('session ID precision', () => {
  it('keeps IDs beyond 2^53 exact and 13-digit IDs as strings', async () => {
    const { client } = setup([
      rawList(['9007199254740993', '1112275520242', '18446744073709551615']),
    ]);
    const page = await client.listSessions();
    expect(page.sessions.map((s) => s.sessionId)).toEqual([
      '9007199254740993',
      '1112275520242',
      '18446744073709551615',
    ]);
    for (const s of page.sessions) expect(typeof s.sessionId).toBe('string');
  });

  it('copes with spaces around the colon, quoted IDs and the ID as the last field', async () => {
    const { client } = setup([
      json(
        `{"ok":true,"active_sessions":[{"user_id":"${USER}","session_id" :  9007199254740995 },{"user_id":"${USER}","session_id":"1112275520242"}]}`,
      ),
    ]);
    const page = await client.listSessions();
    expect(page.sessions.map((s) => s.sessionId)).toEqual(['9007199254740995', '1112275520242']);
  });

  it('does not touch "session_id" written inside a string value', async () => {
    const { client, calls } = setup([
      json(
        '{"ok":false,"error":"invalid_arguments","response_metadata":{"messages":["[ERROR] bad \\"session_id\\":12 here"]}}',
      ),
    ]);
    const error = await rejection(
      client.invalidateSession({ sessionId: '12' as SessionId, userId: USER }),
    );
    expect(calls).toHaveLength(1);
    expect(error.messages).toEqual(['[ERROR] bad "session_id":12 here']);
  });

  it('leaves out a fractional session ID instead of rounding it', async () => {
    const { client } = setup([
      json(`{"ok":true,"active_sessions":[{"user_id":"${USER}","session_id":12.5}]}`),
    ]);
    const page = await client.listSessions();
    expect(page).toEqual({ sessions: [], skipped: 1 });
  });
});

describe('listAllSessions', () => {
  it('follows next_cursor until it is empty', async () => {
    const { client, calls } = setup([
      rawList(['1000000000001', '1000000000002'], 'page2'),
      rawList(['1000000000003'], 'page3'),
      rawList(['1000000000004'], ''),
    ]);
    const sessions = await client.listAllSessions({ userId: USER, teamId: TEAM });
    expect(sessions.map((s) => s.sessionId)).toEqual([
      '1000000000001',
      '1000000000002',
      '1000000000003',
      '1000000000004',
    ]);
    expect(calls.map((c) => formOf(c))).toEqual([
      { user_id: USER, team_id: TEAM, limit: '1000' },
      { user_id: USER, team_id: TEAM, limit: '1000', cursor: 'page2' },
      { user_id: USER, team_id: TEAM, limit: '1000', cursor: 'page3' },
    ]);
  });

  it('stops when Slack repeats a cursor, without repeating sessions', async () => {
    const { client, calls } = setup([
      rawList(['1000000000001'], 'again'),
      rawList(['1000000000001', '1000000000002'], 'again'),
      rawList(['1000000000009'], ''),
    ]);
    const sessions = await client.listAllSessions({ userId: USER, teamId: TEAM });
    expect(calls).toHaveLength(2);
    expect(sessions.map((s) => s.sessionId)).toEqual(['1000000000001', '1000000000002']);
  });

  it('stops after a bounded number of pages', async () => {
    let n = 0;
    const { client, calls } = setup([
      () => {
        n += 1;
        return rawList([String(1_000_000_000_000 + n)], `cursor-${n}`)();
      },
    ]);
    const sessions = await client.listAllSessions({ userId: USER, teamId: TEAM });
    expect(calls).toHaveLength(MAX_SESSION_PAGES);
    expect(sessions).toHaveLength(MAX_SESSION_PAGES);
  });

  it('returns an empty list for a member without sessions', async () => {
    const { client } = setup([json({ ok: false, error: 'no_active_sessions' })]);
    expect(await client.listAllSessions({ userId: USER, teamId: TEAM })).toEqual([]);
  });

  it('passes other failures on', async () => {
    const { client } = setup([
      rawList(['1'], 'next'),
      json({ ok: false, error: 'invalid_cursor' }),
    ]);
    const error = await rejection(client.listAllSessions({ userId: USER, teamId: TEAM }));
    expect(error.code).toBe('invalid_cursor');
  });
});

describe('resetBulk', () => {
  const ids = (n: number) =>
    Array.from({ length: n }, (_, i) => `W${String(i).padStart(10, '0')}` as UserId);

  it('sends user_ids as a JSON array string with the scope flag', async () => {
    const { client, calls } = setup([okBody]);
    await client.resetBulk([USER, W_USER], 'mobile');
    expect(calls[0]?.url).toBe('https://slack.com/api/admin.users.session.resetBulk');
    const form = formOf(calls[0]);
    expect(form).toEqual({ user_ids: JSON.stringify([USER, W_USER]), mobile_only: 'true' });
    expect(JSON.parse(form.user_ids as string)).toEqual([USER, W_USER]);
  });

  it('accepts 1 and 1000 IDs', async () => {
    const { client, calls } = setup([okBody]);
    await client.resetBulk(ids(1), 'all');
    await client.resetBulk(ids(1000), 'web');
    expect(JSON.parse(formOf(calls[0]).user_ids as string)).toHaveLength(1);
    expect(JSON.parse(formOf(calls[1]).user_ids as string)).toHaveLength(1000);
    expect(formOf(calls[1]).web_only).toBe('true');
  });

  it('refuses 0 or 1001 IDs, or a bad ID, before sending', async () => {
    const { client, calls } = setup([okBody]);
    expect(await rejection(client.resetBulk([], 'all'))).toBeInstanceOf(SlackArgumentError);
    const tooMany = await rejection(client.resetBulk(ids(1001), 'all'));
    expect(tooMany).toBeInstanceOf(SlackArgumentError);
    expect(tooMany.message).toContain('1000');
    expect(await rejection(client.resetBulk([USER, 'B0123ABCD' as UserId], 'all'))).toBeInstanceOf(
      SlackArgumentError,
    );
    expect(calls).toHaveLength(0);
  });

  it('sends each member once', async () => {
    const { client, calls } = setup([okBody]);
    await client.resetBulk([USER, W_USER, USER], 'all');
    expect(JSON.parse(formOf(calls[0]).user_ids as string)).toEqual([USER, W_USER]);
  });
});

describe('session settings', () => {
  const GET = 'admin.users.session.getSettings';
  const SET = 'admin.users.session.setSettings';
  const CLEAR = 'admin.users.session.clearSettings';
  const TEN_YEARS = 315_569_520;
  const settingsOf = (entries: unknown, extra: Record<string, unknown> = {}) =>
    json({ ok: true, session_settings: entries, no_settings_applied: [], ...extra });

  it('getSessionSettings sends one member as a JSON array string and decodes both settings', async () => {
    const { client, calls } = setup([
      settingsOf([{ user_id: USER, desktop_app_browser_quit: true, duration: TEN_YEARS }]),
    ]);
    await expect(client.getSessionSettings('u0123abcd' as UserId)).resolves.toEqual({
      userId: USER,
      duration: TEN_YEARS,
      desktopAppBrowserQuit: true,
      reported: true,
    });
    expect(calls[0]?.url).toBe(`https://slack.com/api/${GET}`);
    expect(formOf(calls[0])).toEqual({ user_ids: JSON.stringify([USER]) });
  });

  it.each([
    ['no settings applied', settingsOf([], { no_settings_applied: [USER] })],
    [
      'both settings null',
      settingsOf([{ user_id: USER, desktop_app_browser_quit: null, duration: null }]),
    ],
  ])('reads %s as a member without settings of their own', async (_, answer) => {
    const { client } = setup([answer]);
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      reported: true,
    });
  });

  it.each([
    ['the member left out (no active sessions)', settingsOf([])],
    ['no session_settings at all', json({ ok: true })],
    ['session_settings null', settingsOf(null)],
    ['only another member', settingsOf([{ user_id: W_USER, duration: 28_800 }])],
  ])('reads %s as settings Slack did not report', async (_, answer) => {
    const { client } = setup([answer]);
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      reported: false,
    });
  });

  it('leaves out values of the wrong type, keeping the others', async () => {
    const { client } = setup([
      settingsOf([
        'junk',
        null,
        { user_id: USER, desktop_app_browser_quit: 'true', duration: 86_400 },
      ]),
      settingsOf([{ user_id: USER, desktop_app_browser_quit: false, duration: 28_800.5 }]),
      settingsOf([{ user_id: USER, duration: '28800' }]),
      settingsOf([{ user_id: USER, duration: -28_800, desktop_app_browser_quit: 1 }]),
    ]);
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      duration: 86_400,
      reported: true,
    });
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      desktopAppBrowserQuit: false,
      reported: true,
    });
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      reported: true,
    });
    await expect(client.getSessionSettings(USER)).resolves.toEqual({
      userId: USER,
      reported: true,
    });
  });

  it('calls session_settings that is not a list malformed', async () => {
    const { client } = setup([settingsOf({ user_id: USER, duration: 28_800 })]);
    const error = await rejection(client.getSessionSettings(USER));
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ kind: 'malformed', method: GET });
  });

  it.each([
    [{ duration: 28_800 }, { duration: '28800' }],
    [{ duration: TEN_YEARS }, { duration: String(TEN_YEARS) }],
    [{ desktopAppBrowserQuit: false }, { desktop_app_browser_quit: 'false' }],
    [
      { duration: 86_400, desktopAppBrowserQuit: true },
      { duration: '86400', desktop_app_browser_quit: 'true' },
    ],
  ])('setSessionSettings(%o) sends only what is given', async (settings, fields) => {
    const { client, calls } = setup([okBody]);
    await expect(client.setSessionSettings(W_USER, settings)).resolves.toEqual({ resent: false });
    expect(calls[0]?.url).toBe(`https://slack.com/api/${SET}`);
    expect(formOf(calls[0])).toEqual({ user_ids: JSON.stringify([W_USER]), ...fields });
  });

  it('setSessionSettings refuses no setting, a duration out of range, or a bad ID, before sending', async () => {
    const { client, calls } = setup([okBody]);
    const none = await rejection(client.setSessionSettings(USER, {}));
    expect(none).toBeInstanceOf(SlackArgumentError);
    expect(none.message).toMatch(/session duration/);
    const unset = await rejection(
      client.setSessionSettings(USER, { duration: undefined, desktopAppBrowserQuit: undefined }),
    );
    expect(unset).toBeInstanceOf(SlackArgumentError);
    for (const duration of [28_799, TEN_YEARS + 1, 0, -28_800, 28_800.5, Number.NaN, Infinity]) {
      const error = await rejection(client.setSessionSettings(USER, { duration }));
      expect(error).toBeInstanceOf(SlackArgumentError);
      expect(error.message).toBe(
        "Slack's shortest session is 8 hours (28800 seconds) and its longest 10 years.",
      );
    }
    const text = await rejection(
      client.setSessionSettings(USER, { duration: '28800' as unknown as number }),
    );
    expect(text).toBeInstanceOf(SlackArgumentError);
    const flag = await rejection(
      client.setSessionSettings(USER, { desktopAppBrowserQuit: 'yes' as unknown as boolean }),
    );
    expect(flag).toBeInstanceOf(SlackArgumentError);
    expect(
      await rejection(client.setSessionSettings('T0123ABCD' as UserId, { duration: 28_800 })),
    ).toBeInstanceOf(SlackArgumentError);
    expect(calls).toHaveLength(0);
  });

  it('clearSessionSettings sends only user_ids; a bad ID is refused before sending', async () => {
    const { client, calls } = setup([okBody]);
    await expect(client.clearSessionSettings(USER)).resolves.toEqual({ resent: false });
    expect(calls[0]?.url).toBe(`https://slack.com/api/${CLEAR}`);
    expect(formOf(calls[0])).toEqual({ user_ids: JSON.stringify([USER]) });
    expect(await rejection(client.clearSessionSettings('U123' as UserId))).toBeInstanceOf(
      SlackArgumentError,
    );
    expect(await rejection(client.getSessionSettings('' as UserId))).toBeInstanceOf(
      SlackArgumentError,
    );
    expect(calls).toHaveLength(1);
  });

  it('says when a write timed out and was sent again', async () => {
    const set = setup([hang, okBody], { timeoutMs: 20 });
    await expect(set.client.setSessionSettings(USER, { duration: 28_800 })).resolves.toEqual({
      resent: true,
    });
    expect(set.calls).toHaveLength(2);
    const clear = setup([hang, okBody], { timeoutMs: 20 });
    await expect(clear.client.clearSessionSettings(USER)).resolves.toEqual({ resent: true });
  });

  type Client = ReturnType<typeof setup>['client'];
  const callOf: Record<string, (client: Client) => Promise<unknown>> = {
    [GET]: (client) => client.getSessionSettings(USER),
    [SET]: (client) => client.setSessionSettings(USER, { desktopAppBrowserQuit: true }),
    [CLEAR]: (client) => client.clearSessionSettings(USER),
  };

  it.each([
    [GET, 'bots_not_allowed'],
    [GET, 'user_not_found'],
    [GET, 'feature_not_enabled'],
    [SET, 'at_least_one_session_setting_required'],
    [SET, 'invalid_arguments'],
    [SET, 'unable_to_update_existing_sessions'],
    [SET, 'bots_not_allowed'],
    [CLEAR, 'user_not_found'],
    [CLEAR, 'admin_unauthorized'],
  ])('%s: %s becomes a SlackApiError with that code', async (method, code) => {
    const { client } = setup([json({ ok: false, error: code })]);
    const error = await rejection(callOf[method]!(client));
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ code, method, resent: false });
    expect(error.message).toBe(describeSlackError(code, { method }));
  });

  it('names admin.users:read when getSettings lacks it', async () => {
    const { client } = setup([
      json({
        ok: false,
        error: 'missing_scope',
        needed: 'admin.users:read',
        provided: 'admin.users:write',
      }),
    ]);
    const error = await rejection(client.getSessionSettings(USER));
    expect(error).toMatchObject({ code: 'missing_scope', needed: 'admin.users:read' });
    expect(error.message).toContain('admin.users:read scope');
  });
});

describe('users', () => {
  const rawUser = {
    id: 'W012A3CDE',
    team_id: 'T012AB3C4',
    name: 'spengler',
    real_name: 'Egon Spengler',
    is_admin: true,
    is_owner: false,
    is_primary_owner: false,
    is_bot: false,
    deleted: false,
    profile: { email: 'spengler@ghostbusters.example.com', display_name: 'spengler' },
    enterprise_user: {
      enterprise_id: 'E0SANDBOX01',
      id: 'W012A3CDE',
      teams: ['T012AB3C4', 'T0SECOND01'],
    },
  };
  const decoded = {
    id: 'W012A3CDE',
    teamId: 'T012AB3C4',
    name: 'spengler',
    realName: 'Egon Spengler',
    displayName: 'spengler',
    email: 'spengler@ghostbusters.example.com',
    isAdmin: true,
    isOwner: false,
    isPrimaryOwner: false,
    isBot: false,
    deleted: false,
    enterpriseId: 'E0SANDBOX01',
    enterpriseTeams: ['T012AB3C4', 'T0SECOND01'],
  };

  it('lookupByEmail sends the address and decodes the member', async () => {
    const { client, calls } = setup([json({ ok: true, user: rawUser })]);
    expect(await client.lookupByEmail(' Spengler@Ghostbusters.example.com ')).toEqual(decoded);
    expect(calls[0]?.url).toBe('https://slack.com/api/users.lookupByEmail');
    expect(formOf(calls[0])).toEqual({ email: 'spengler@ghostbusters.example.com' });
  });

  it('lookupByEmail refuses a bad address before sending', async () => {
    const { client, calls } = setup([okBody]);
    for (const bad of ['', 'bob', 'bob@example', 'bob smith@example.com']) {
      expect(await rejection(client.lookupByEmail(bad))).toBeInstanceOf(SlackArgumentError);
    }
    expect(calls).toHaveLength(0);
  });

  it('lookupByEmail names an unknown address plainly', async () => {
    const { client } = setup([json({ ok: false, error: 'users_not_found' })]);
    const error = await rejection(client.lookupByEmail('nobody@example.com'));
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error.code).toBe('users_not_found');
    expect(error.message).toMatch(/No Slack member has that e-mail address/);
  });

  it('usersInfo sends user= and decodes a minimal member', async () => {
    const { client, calls } = setup([json({ ok: true, user: { id: USER, profile: {} } })]);
    expect(await client.usersInfo(USER)).toEqual({
      id: USER,
      isAdmin: false,
      isOwner: false,
      isPrimaryOwner: false,
      isBot: false,
      deleted: false,
      enterpriseTeams: [],
    });
    expect(calls[0]?.url).toBe('https://slack.com/api/users.info');
    expect(formOf(calls[0])).toEqual({ user: USER });
  });

  it('usersInfo reads real_name from the profile when needed, and refuses bad IDs', async () => {
    const { client, calls } = setup([
      json({ ok: true, user: { id: USER, profile: { real_name: 'Ray Stantz' }, is_bot: true } }),
    ]);
    const user = await client.usersInfo(USER);
    expect(user.realName).toBe('Ray Stantz');
    expect(user.isBot).toBe(true);
    expect(await rejection(client.usersInfo('E0SANDBOX01' as UserId))).toBeInstanceOf(
      SlackArgumentError,
    );
    expect(calls).toHaveLength(1);
  });

  it('an answer without a user is malformed', async () => {
    for (const body of [{ ok: true }, { ok: true, user: { name: 'x' } }, { ok: true, user: [] }]) {
      const { client } = setup([json(body)]);
      expect((await rejection(client.usersInfo(USER))).kind).toBe('malformed');
    }
  });
});

describe('ok:false', () => {
  it('becomes a SlackApiError with code, method, needed, provided and a sentence', async () => {
    const { client } = setup([
      json({
        ok: false,
        error: 'missing_scope',
        needed: 'admin.users:write',
        provided: 'admin.users:read,users:read',
        warning: 'superfluous_charset',
        response_metadata: { warnings: ['missing_charset'], messages: ['[ERROR] nope'] },
      }),
    ]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toBeInstanceOf(SlackError);
    expect(isSlackError(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'SlackApiError',
      code: 'missing_scope',
      method: 'admin.users.session.reset',
      needed: 'admin.users:write',
      provided: 'admin.users:read,users:read',
      warnings: ['superfluous_charset', 'missing_charset'],
      messages: ['[ERROR] nope'],
    });
    expect(error.sentence).toBe(
      "This token is missing the admin.users:write scope. Add it to the app's user token scopes, reinstall the app on the whole organization, and save the new token.",
    );
    expect(error.message).toBe(error.sentence);
  });

  it('names the needed scope from X-Accepted-OAuth-Scopes when the body does not', async () => {
    const { client } = setup([
      json(
        { ok: false, error: 'missing_scope' },
        { headers: { 'x-accepted-oauth-scopes': 'admin.users:read' } },
      ),
    ]);
    const error = await rejection(client.listSessions());
    expect(error.needed).toBe('admin.users:read');
    expect(error.message).toContain('admin.users:read scope');
  });

  it('uses the method to word the sentence', async () => {
    const { client } = setup([json({ ok: false, error: 'user_not_found' })]);
    const reset = await rejection(client.resetSessions(USER, 'all'));
    const list = await rejection(client.listSessions({ userId: USER, teamId: TEAM }));
    expect(reset.message).not.toBe(list.message);
    expect(reset.message).toMatch(/no sessions were reset/);
  });

  it('required wordings reach the caller', async () => {
    const { client } = setup([json({ ok: false, error: 'cannot_reset_primary_owner' })]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error.message).toBe(
      "The primary owner's sessions can only be reset by the primary owner.",
    );
    expect(isRetryableSlackError(error)).toBe(false);
  });

  it('shows an unknown code, and copes with a missing one', async () => {
    const { client } = setup([json({ ok: false, error: 'brand_new_code' }), json({ ok: false })]);
    const unknown = await rejection(client.resetSessions(USER, 'all'));
    expect(unknown.code).toBe('brand_new_code');
    expect(unknown.message).toContain('“brand_new_code”');
    const missing = await rejection(client.resetSessions(USER, 'all'));
    expect(missing.code).toBe('unknown_error');
    expect(missing.message).toMatch(/without saying why/);
  });

  it('is not retried', async () => {
    const { client, calls, sleeps } = setup([json({ ok: false, error: 'internal_error' })]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(isRetryableSlackError(error)).toBe(true);
  });
});

describe('HTTP 429', () => {
  it.each([
    ['1', 1000],
    ['7', 7000],
    ['30', 30000],
    ['0', 0],
    [' 3 ', 3000],
  ])('Retry-After %j sleeps exactly that long, then retries', async (header, ms) => {
    const { client, calls, sleeps, rateLimited } = setup([
      status(429, { 'Retry-After': header }),
      okBody,
    ]);
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([ms]);
    expect(rateLimited).toEqual([
      { method: 'admin.users.session.reset', retryAfterSeconds: ms / 1000 },
    ]);
    expect(formOf(calls[1])).toEqual(formOf(calls[0]));
  });

  it('reads Retry-After given as an HTTP date', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const date = new Date(now + 12_000).toUTCString();
    const { client, sleeps } = setup([status(429, { 'Retry-After': date }), okBody], {
      now: () => now,
    });
    await client.resetSessions(USER, 'all');
    expect(sleeps).toEqual([12_000]);
  });

  it('a date in the past means no wait', async () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const date = new Date(now - 60_000).toUTCString();
    const { client, sleeps } = setup([status(429, { 'Retry-After': date }), okBody], {
      now: () => now,
    });
    await client.resetSessions(USER, 'all');
    expect(sleeps).toEqual([0]);
  });

  it.each([[undefined], ['soon'], ['-5'], ['']])(
    'Retry-After %j waits 1 second',
    async (header) => {
      const headers: Record<string, string> = header === undefined ? {} : { 'Retry-After': header };
      const { client, sleeps } = setup([status(429, headers), okBody]);
      await client.resetSessions(USER, 'all');
      expect(sleeps).toEqual([1000]);
    },
  );

  it('waits several times in a row, each as long as asked', async () => {
    const { client, calls, sleeps } = setup([
      status(429, { 'Retry-After': '2' }),
      status(429, { 'Retry-After': '5' }),
      status(429, { 'Retry-After': '1' }),
      okBody,
    ]);
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([2000, 5000, 1000]);
  });

  it('hands a wait longer than maxRateLimitWaitMs back to the caller at once', async () => {
    const { client, calls, sleeps, rateLimited } = setup([status(429, { 'Retry-After': '120' })]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error.code).toBe('ratelimited');
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.message).toMatch(/Slack asked to wait 120 seconds/);
    expect(rateLimited).toEqual([{ method: 'admin.users.session.reset', retryAfterSeconds: 120 }]);
    expect(isRetryableSlackError(error)).toBe(true);
  });

  it('respects a custom maxRateLimitWaitMs', async () => {
    const { client, sleeps } = setup([status(429, { 'Retry-After': '5' })], {
      maxRateLimitWaitMs: 4000,
    });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error.retryAfterSeconds).toBe(5);
    expect(sleeps).toEqual([]);
  });

  it('gives up after maxRateLimitRetries', async () => {
    const { client, calls, sleeps } = setup([status(429, { 'Retry-After': '2' })]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(6);
    expect(sleeps).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(error.code).toBe('ratelimited');
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('honours maxRateLimitRetries: 0', async () => {
    const { client, calls } = setup([status(429, { 'Retry-After': '1' })], {
      maxRateLimitRetries: 0,
    });
    expect((await rejection(client.resetSessions(USER, 'all'))).code).toBe('ratelimited');
    expect(calls).toHaveLength(1);
  });

  it('treats a 200 answer with error ratelimited the same way', async () => {
    const { client, calls, sleeps } = setup([
      json({ ok: false, error: 'ratelimited' }, { headers: { 'Retry-After': '3' } }),
      okBody,
    ]);
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('does not count rate-limit waits against network retries', async () => {
    const { client, calls } = setup(
      [status(429), new TypeError('fetch failed'), status(429), okBody],
      { maxRetries: 1 },
    );
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(4);
  });

  it('survives an onRateLimited listener that throws', async () => {
    const { client } = setup([status(429), okBody], {
      onRateLimited: () => {
        throw new Error('listener bug');
      },
    });
    await expect(client.resetSessions(USER, 'all')).resolves.toEqual({ resent: false });
  });
});

/** A member, for a read whose retries are bounded only by maxRetries. */
const memberBody = json({ ok: true, user: { id: USER, profile: {} } });

describe('network errors, 5xx and timeouts', () => {
  it('retries a network error, then succeeds', async () => {
    const { client, calls, sleeps } = setup([new TypeError('fetch failed'), okBody]);
    await client.resetSessions(USER, 'all');
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([500]);
  });

  it('bounds retries with exponential backoff, then throws a network error', async () => {
    const { client, calls, sleeps } = setup([new TypeError('fetch failed')]);
    const error = await rejection(client.usersInfo(USER));
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ kind: 'network', code: 'network_error', attempts: 4 });
    expect(error.message).toBe('Could not reach Slack. Check your connection and try again.');
    expect(error.detail).toBe('TypeError: fetch failed');
    expect(isRetryableSlackError(error)).toBe(true);
  });

  it('adds jitter and caps the backoff', async () => {
    const { client, sleeps } = setup([new TypeError('fetch failed')], {
      maxRetries: 7,
      random: () => 1,
    });
    await rejection(client.usersInfo(USER));
    expect(sleeps).toEqual([625, 1250, 2500, 5000, 10000, 10000, 10000]);
    const plain = setup([new TypeError('fetch failed')], { maxRetries: 6 });
    await rejection(plain.client.usersInfo(USER));
    expect(plain.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('honours maxRetries: 0', async () => {
    const { client, calls } = setup([new TypeError('fetch failed')], { maxRetries: 0 });
    await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(1);
  });

  it('retries 5xx answers', async () => {
    const { client, calls, sleeps } = setup([status(503), status(502), memberBody]);
    await client.usersInfo(USER);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up on persistent 5xx with an http error naming the status', async () => {
    const { client, calls } = setup([text('<html>oops</html>', 500)], { maxRetries: 2 });
    const error = await rejection(client.usersInfo(USER));
    expect(calls).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'http', code: 'http_error', status: 500, attempts: 3 });
    expect(error.message).toMatch(/HTTP 500/);
  });

  it('sends a write that met a 5xx or a dropped connection once more at most, and says so', async () => {
    const ok5xx = setup([status(503), okBody]);
    await expect(ok5xx.client.resetSessions(USER, 'all')).resolves.toEqual({ resent: true });
    expect(ok5xx.calls).toHaveLength(2);
    const twice = setup([status(503), new TypeError('fetch failed'), okBody]);
    const error = await rejection(twice.client.resetSessions(USER, 'all'));
    expect(twice.calls).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'network', uncertain: true });
    expect(error.message).toMatch(/may or may not have done it/);
  });

  it('times out a fetch that never answers, retrying within bounds', async () => {
    const { client, calls, sleeps } = setup([hang], { timeoutMs: 20, maxRetries: 1 });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([500]);
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ kind: 'timeout', code: 'timeout' });
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it('times out even a fetch that ignores its signal', async () => {
    const { client } = setup([() => new Promise<Response>(() => {})], {
      timeoutMs: 20,
      maxRetries: 0,
    });
    expect((await rejection(client.resetSessions(USER, 'all'))).kind).toBe('timeout');
  });

  it('times out a body that never finishes', async () => {
    const stalled = () => new Response(new ReadableStream({ start() {} }), { status: 200 });
    const { client } = setup([stalled], { timeoutMs: 20, maxRetries: 0 });
    expect((await rejection(client.resetSessions(USER, 'all'))).kind).toBe('timeout');
  });

  it('says how long it waited, 15 seconds by default', async () => {
    vi.useFakeTimers();
    try {
      const { client } = setup([hang], { maxRetries: 0 });
      const pending = rejection(client.resetSessions(USER, 'all'));
      await vi.advanceTimersByTimeAsync(15_000);
      const error = await pending;
      // A reset that timed out may have been done all the same: the sentence says so.
      expect(error.message).toBe(
        'Slack did not answer within 15 seconds. Check your connection and try again. Slack may or may not have done it: check the member’s sessions before trying again.',
      );
      const read = setup([hang], { maxRetries: 0 });
      const listing = rejection(read.client.usersInfo(USER));
      await vi.advanceTimersByTimeAsync(15_000);
      expect((await listing).message).toBe(
        'Slack did not answer within 15 seconds. Check your connection and try again.',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a reset that timed out once more, and says the answer is to a resend', async () => {
    const { client, calls } = setup([hang, okBody], { timeoutMs: 20, maxRetries: 3 });
    await expect(client.resetSessions(USER, 'all')).resolves.toEqual({ resent: true });
    expect(calls).toHaveLength(2);
  });

  it('never sends a write a third time after a timeout, whatever maxRetries allows', async () => {
    const { client, calls } = setup([hang, hang, okBody], { timeoutMs: 20, maxRetries: 3 });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'timeout', uncertain: true });
    const afterNetwork = setup([hang, new TypeError('fetch failed'), okBody], {
      timeoutMs: 20,
      maxRetries: 3,
    });
    expect(await rejection(afterNetwork.client.resetSessions(USER, 'all'))).toMatchObject({
      kind: 'network',
      uncertain: true,
    });
    expect(afterNetwork.calls).toHaveLength(2);
  });

  it('keeps retrying reads that time out, within maxRetries', async () => {
    const { client, calls } = setup([hang, hang, hang], { timeoutMs: 20, maxRetries: 2 });
    expect(await rejection(client.usersInfo(USER))).toMatchObject({
      kind: 'timeout',
      uncertain: false,
    });
    expect(calls).toHaveLength(3);
  });

  it('reports an invalidate whose resend finds no session as probably ended already', async () => {
    const gone = json({ ok: false, error: 'session_not_found' });
    const args = { sessionId: '1112275520242' as SessionId, userId: USER };
    const resent = setup([hang, gone], { timeoutMs: 20 });
    await expect(resent.client.invalidateSession(args)).resolves.toEqual({
      resent: true,
      probablyEndedAlready: true,
    });
    // Without a timeout before it, session_not_found is a plain failure.
    const plain = setup([gone]);
    expect(await rejection(plain.client.invalidateSession(args))).toMatchObject({
      code: 'session_not_found',
      resent: false,
    });
    const ok = setup([okBody]);
    await expect(ok.client.invalidateSession(args)).resolves.toEqual({
      resent: false,
      probablyEndedAlready: false,
    });
  });

  it('keeps the token out of a network failure that quotes it', async () => {
    const { client } = setup([new TypeError(`bad header: Bearer ${TOKEN}`)], { maxRetries: 0 });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error.detail).toContain('[token]');
  });

  it('copes with a fetch that rejects with something that is not an Error', async () => {
    const { client } = setup([() => Promise.reject('offline')], { maxRetries: 0 });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error).toMatchObject({ kind: 'network', detail: 'offline' });
  });
});

describe('site access withheld by the browser', () => {
  it('fails at once, naming the host, when the browser refuses the API host', async () => {
    const asked: string[] = [];
    const { client, calls, sleeps } = setup([new TypeError('Failed to fetch')], {
      hasSiteAccess: async (apiBase) => {
        asked.push(apiBase);
        return false;
      },
    });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(asked).toEqual([SLACK_API_BASE]);
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ kind: 'no_access', code: 'no_site_access', uncertain: false });
    expect(error.message).toBe(
      "Session Admin has no access to slack.com, so nothing was sent to Slack. Press Grant access on the extension's settings page (or allow the extension on slack.com in the browser's extensions menu), then try again.",
    );
    expect(isRetryableSlackError(error)).toBe(false);
    expectNoToken(error);
  });

  it('names GovSlack’s host for a GovSlack token', async () => {
    const { client } = setup([new TypeError('Failed to fetch')], {
      apiBase: GOVSLACK_API_BASE,
      hasSiteAccess: async () => false,
    });
    const error = await rejection(client.usersInfo(USER));
    expect(error.message).toMatch(/^Session Admin has no access to slack-gov\.com,/);
  });

  it('retries as a network problem when access is there, and asks only after a failure', async () => {
    let asked = 0;
    const hasSiteAccess = async () => {
      asked += 1;
      return true;
    };
    const fine = setup([memberBody], { hasSiteAccess });
    await fine.client.usersInfo(USER);
    expect(asked).toBe(0);
    const flaky = setup([new TypeError('fetch failed'), memberBody], { hasSiteAccess });
    await flaky.client.usersInfo(USER);
    expect(flaky.calls).toHaveLength(2);
    expect(asked).toBe(1);
  });

  it('treats a check that throws as the network problem it looked like', async () => {
    const { client, calls } = setup([new TypeError('fetch failed')], {
      maxRetries: 1,
      hasSiteAccess: async () => {
        throw new Error('permissions API gone');
      },
    });
    const error = await rejection(client.usersInfo(USER));
    expect(calls).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'network' });
  });

  it('says a resent write may have been done when access went between its attempts', async () => {
    const { client } = setup([status(503), new TypeError('Failed to fetch')], {
      hasSiteAccess: async () => false,
    });
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error).toMatchObject({ kind: 'no_access', uncertain: true });
    expect(error.message).toMatch(/may or may not have done it/);
  });
});

describe('outside abort', () => {
  it('stops an in-flight request at once, without retrying', async () => {
    const controller = new AbortController();
    const { client, calls, sleeps } = setup([hang], { signal: controller.signal });
    const pending = rejection(client.resetSessions(USER, 'all'));
    await Promise.resolve();
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(SlackAbortError);
    expect(error.name).toBe('AbortError');
    expect(error.code).toBe('aborted');
    expect(isSlackError(error)).toBe(true);
    expect(isRetryableSlackError(error)).toBe(false);
    expect(calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('sends nothing when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client, calls } = setup([okBody], { signal: controller.signal });
    expect((await rejection(client.resetSessions(USER, 'all'))).name).toBe('AbortError');
    expect(calls).toHaveLength(0);
  });

  it('wakes from a backoff or rate-limit wait', async () => {
    for (const first of [new TypeError('fetch failed'), status(429, { 'Retry-After': '20' })]) {
      const controller = new AbortController();
      const { client, calls } = setup([first, okBody], {
        signal: controller.signal,
        sleep: () => new Promise<void>(() => {}),
      });
      const pending = rejection(client.resetSessions(USER, 'all'));
      await new Promise((resolve) => setTimeout(resolve, 5));
      controller.abort();
      expect((await pending).name).toBe('AbortError');
      expect(calls).toHaveLength(1);
    }
  });
});

describe('malformed and unexpected answers', () => {
  it.each([
    [
      'an HTML page',
      text('<!DOCTYPE html><html><body>Bad gateway</body></html>', 200, {
        'content-type': 'text/html',
      }),
    ],
    ['truncated JSON', json('{"ok":true,"active_sess')],
    ['an empty body', text('')],
    ['a JSON array', json('[{"ok":true}]')],
    ['a JSON string', json('"ok"')],
    ['JSON null', json('null')],
    ['an object without ok', json({ active_sessions: [] })],
    ['ok as a string', json({ ok: 'true' })],
  ])('%s is a malformed answer, not a crash, and is not retried', async (_, step) => {
    const { client, calls } = setup([step]);
    const error = await rejection(client.resetSessions(USER, 'all'));
    expect(error).toBeInstanceOf(SlackTransportError);
    expect(error).toMatchObject({ kind: 'malformed', code: 'malformed_response', status: 200 });
    expect(error.message).toMatch(/could not be read/);
    expect(calls).toHaveLength(1);
  });

  it.each([[404], [400], [403], [301], [204]])(
    'HTTP %i is an http error with the status',
    async (code) => {
      const { client, calls } = setup([text('', code)]);
      const error = await rejection(client.resetSessions(USER, 'all'));
      expect(error).toMatchObject({ kind: 'http', code: 'http_error', status: code });
      expect(error.message).toContain(String(code));
      expect(calls).toHaveLength(1);
      expect(isRetryableSlackError(error)).toBe(false);
    },
  );
});

describe('createTransport', () => {
  it('returns the body and both scope headers for any method', async () => {
    const { fetch, calls } = fakeFetch([
      json(
        { ok: true, session_settings: [] },
        {
          headers: {
            'X-OAuth-Scopes': 'admin.users:read',
            'X-Accepted-OAuth-Scopes': 'admin.users:read',
          },
        },
      ),
    ]);
    const call = createTransport({ token: TOKEN, apiBase: SLACK_API_BASE, fetch });
    const result = await call('admin.users.session.getSettings', {
      user_ids: '["U0123ABCD"]',
      skipped: undefined,
      flag: true,
    });
    expect(result).toEqual({
      resent: false,
      body: { ok: true, session_settings: [] },
      scopes: ['admin.users:read'],
      acceptedScopes: ['admin.users:read'],
    });
    expect(formOf(calls[0])).toEqual({ user_ids: '["U0123ABCD"]', flag: 'true' });
  });
});

describe('helpers', () => {
  it('parseRetryAfter', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('10', now)).toBe(10);
    expect(parseRetryAfter('1.2', now)).toBe(2);
    expect(parseRetryAfter(new Date(now + 90_500).toUTCString(), now)).toBe(90);
    expect(parseRetryAfter(null, now)).toBe(1);
    expect(parseRetryAfter('later', now)).toBe(1);
  });

  it('parseScopes', () => {
    expect(parseScopes(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseScopes(null)).toEqual([]);
    expect(parseScopes('')).toEqual([]);
  });

  it('isSlackError is false for other errors', () => {
    expect(isSlackError(new Error('x'))).toBe(false);
    expect(isSlackError(new SlackArgumentError('x'))).toBe(false);
    expect(isSlackError('ratelimited')).toBe(false);
  });
});
