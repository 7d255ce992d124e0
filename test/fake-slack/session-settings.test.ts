// Per-member session policies (admin.users.session.getSettings / setSettings / clearSettings)
// over the real wire, as the extension sends them.

import { Agent, request } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, SANDBOX, startFakeSlack } from './index';

const { users: U, tokens: T } = SANDBOX;
const agent = new Agent({ rejectUnauthorized: false, keepAlive: false });

const GET = 'admin.users.session.getSettings';
const SET = 'admin.users.session.setSettings';
const CLEAR = 'admin.users.session.clearSettings';
const EIGHT_HOURS = 28_800;
const TEN_YEARS = 315_569_520;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
}

let fake: FakeSlack;

function post(method: string, body: string, contentType: string, token: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: fake.port,
        path: `/api/${method}`,
        method: 'POST',
        agent,
        headers: {
          host: 'slack.com',
          'content-type': contentType,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Form-encoded, as the extension sends it. */
const api = (method: string, params: Record<string, string> = {}, token: string = T.admin) =>
  post(method, new URLSearchParams(params).toString(), 'application/x-www-form-urlencoded', token);

const ids = (...list: string[]) => JSON.stringify(list);
const invalid = (message: string) => ({
  ok: false,
  error: 'invalid_arguments',
  response_metadata: { messages: [`[ERROR] ${message}`] },
});

beforeAll(async () => {
  fake = await startFakeSlack({ extraMembers: 1000 });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
  agent.destroy();
});

describe('admin.users.session.getSettings', () => {
  it('lists members with settings and those without, null for what is not set', async () => {
    fake.org.sessionSettings.set(U.ada, { duration: TEN_YEARS, desktopAppBrowserQuit: true });
    fake.org.sessionSettings.set(U.grace, { desktopAppBrowserQuit: false });
    const reply = await api(GET, { user_ids: ids(U.ada, U.someone, U.grace) });
    expect(reply.json).toEqual({
      ok: true,
      session_settings: [
        { user_id: U.ada, desktop_app_browser_quit: true, duration: TEN_YEARS },
        { user_id: U.grace, desktop_app_browser_quit: false, duration: null },
      ],
      no_settings_applied: [U.someone],
    });
    expect(reply.headers['x-accepted-oauth-scopes']).toBe('admin.users:read');
  });

  it('takes comma-separated IDs and a JSON body, each member once', async () => {
    const comma = await api(GET, { user_ids: `${U.ada}, ${U.deleted},${U.ada}` });
    expect(comma.json).toEqual({
      ok: true,
      session_settings: [],
      no_settings_applied: [U.ada, U.deleted],
    });
    const json = await post(
      GET,
      JSON.stringify({ user_ids: [U.grace] }),
      'application/json; charset=utf-8',
      T.admin,
    );
    expect(json.json).toMatchObject({ ok: true, no_settings_applied: [U.grace] });
  });

  it('wants user_ids and refuses unknown members and bots', async () => {
    expect((await api(GET)).json).toEqual(invalid('missing required field: user_ids'));
    expect((await api(GET, { user_ids: '' })).json.error).toBe('invalid_arguments');
    expect((await api(GET, { user_ids: '[]' })).json).toEqual(
      invalid('must provide at least 1 item [json-pointer:/user_ids]'),
    );
    expect((await api(GET, { user_ids: '[not json' })).json).toEqual(
      invalid('invalid value for user_ids'),
    );
    expect((await api(GET, { user_ids: ids(U.ada, 'W0NOBODY00') })).json).toEqual({
      ok: false,
      error: 'user_not_found',
    });
    expect((await api(GET, { user_ids: ids(U.bot) })).json).toEqual({
      ok: false,
      error: 'bots_not_allowed',
    });
  });

  it('needs admin.users:read and an admin', async () => {
    const noRead = await api(GET, { user_ids: ids(U.ada) }, T.noRead);
    expect(noRead.json).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'admin.users:read',
      provided: 'admin.users:write,users:read,users:read.email',
    });
    expect((await api(GET, { user_ids: ids(U.ada) }, T.member)).json.error).toBe('not_an_admin');
    expect((await api(GET, { user_ids: ids(U.ada) }, T.bot)).json.error).toBe(
      'not_allowed_token_type',
    );
  });
});

describe('admin.users.session.setSettings', () => {
  it('sets what it is given and keeps the rest', async () => {
    expect(
      (await api(SET, { user_ids: ids(U.ada, U.grace), duration: String(EIGHT_HOURS) })).json,
    ).toEqual({ ok: true });
    expect(fake.sessionSettingsOf(U.ada)).toEqual({ duration: EIGHT_HOURS });
    expect(fake.sessionSettingsOf(U.grace)).toEqual({ duration: EIGHT_HOURS });
    expect((await api(SET, { user_ids: U.ada, desktop_app_browser_quit: 'true' })).json).toEqual({
      ok: true,
    });
    expect(fake.sessionSettingsOf(U.ada)).toEqual({
      duration: EIGHT_HOURS,
      desktopAppBrowserQuit: true,
    });
    await api(SET, { user_ids: ids(U.ada), duration: String(TEN_YEARS) });
    expect(fake.sessionSettingsOf(U.ada)).toEqual({
      duration: TEN_YEARS,
      desktopAppBrowserQuit: true,
    });
    expect(fake.sessionSettingsOf(U.someone)).toBeUndefined();
    const read = await api(GET, { user_ids: ids(U.ada, U.grace) });
    expect(read.json.session_settings).toEqual([
      { user_id: U.ada, desktop_app_browser_quit: true, duration: TEN_YEARS },
      { user_id: U.grace, desktop_app_browser_quit: null, duration: EIGHT_HOURS },
    ]);
  });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    ['FALSE', false],
  ])('reads desktop_app_browser_quit=%s', async (value, expected) => {
    expect(
      (await api(SET, { user_ids: ids(U.ada), desktop_app_browser_quit: value })).json.ok,
    ).toBe(true);
    expect(fake.sessionSettingsOf(U.ada)).toEqual({ desktopAppBrowserQuit: expected });
  });

  it('takes a JSON body with a number and a boolean', async () => {
    const reply = await post(
      SET,
      JSON.stringify({ user_ids: [U.grace], duration: 86_400, desktop_app_browser_quit: false }),
      'application/json; charset=utf-8',
      T.admin,
    );
    expect(reply.json).toEqual({ ok: true });
    expect(fake.sessionSettingsOf(U.grace)).toEqual({
      duration: 86_400,
      desktopAppBrowserQuit: false,
    });
  });

  it('refuses a duration outside 8 hours to 10 years, or not a whole number', async () => {
    const range = invalid(
      `duration must be between ${EIGHT_HOURS} and ${TEN_YEARS} [json-pointer:/duration]`,
    );
    for (const duration of [
      String(EIGHT_HOURS - 1),
      String(TEN_YEARS + 1),
      '0',
      '-28800',
      '28800.5',
      '1e5',
      'forever',
    ]) {
      expect((await api(SET, { user_ids: ids(U.ada), duration })).json, duration).toEqual(range);
    }
    expect(
      (await api(SET, { user_ids: ids(U.ada), desktop_app_browser_quit: 'maybe' })).json,
    ).toEqual(invalid('invalid value for desktop_app_browser_quit'));
    expect(fake.sessionSettingsOf(U.ada)).toBeUndefined();
  });

  it('needs at least one setting', async () => {
    expect((await api(SET, { user_ids: ids(U.ada) })).json).toEqual({
      ok: false,
      error: 'at_least_one_session_setting_required',
    });
    expect(
      (await api(SET, { user_ids: ids(U.ada), duration: '', desktop_app_browser_quit: '' })).json
        .error,
    ).toBe('at_least_one_session_setting_required');
  });

  it('takes 1 to 1,000 user_ids', async () => {
    expect((await api(SET, { duration: String(EIGHT_HOURS) })).json).toEqual(
      invalid('missing required field: user_ids'),
    );
    expect((await api(SET, { user_ids: '[]', duration: String(EIGHT_HOURS) })).json).toEqual(
      invalid('must provide at least 1 item [json-pointer:/user_ids]'),
    );
    const people = [...fake.org.members.values()].filter((m) => !m.isBot).map((m) => m.id);
    const thousand = people.slice(0, 1000);
    expect(thousand).toHaveLength(1000);
    const ok = await api(SET, { user_ids: JSON.stringify(thousand), duration: String(TEN_YEARS) });
    expect(ok.json).toEqual({ ok: true });
    expect(fake.sessionSettingsOf(thousand[999]!)).toEqual({ duration: TEN_YEARS });
    const over = await api(SET, {
      user_ids: JSON.stringify(people.slice(0, 1001)),
      duration: String(EIGHT_HOURS),
    });
    expect(over.json).toEqual(invalid('no more than 1000 items allowed [json-pointer:/user_ids]'));
    expect(fake.sessionSettingsOf(thousand[0]!)).toEqual({ duration: TEN_YEARS });
  });

  it('refuses unknown members and bots, changing no one', async () => {
    const duration = String(EIGHT_HOURS);
    expect((await api(SET, { user_ids: ids(U.ada, 'W0NOBODY00'), duration })).json).toEqual({
      ok: false,
      error: 'user_not_found',
    });
    expect((await api(SET, { user_ids: ids(U.grace, U.bot), duration })).json).toEqual({
      ok: false,
      error: 'bots_not_allowed',
    });
    expect(fake.sessionSettingsOf(U.ada)).toBeUndefined();
    expect(fake.sessionSettingsOf(U.grace)).toBeUndefined();
    expect(fake.sessionSettingsOf(U.bot)).toBeUndefined();
  });

  it('needs admin.users:write and an admin', async () => {
    const params = { user_ids: ids(U.ada), duration: String(EIGHT_HOURS) };
    expect((await api(SET, params, T.noScope)).json).toMatchObject({
      error: 'missing_scope',
      needed: 'admin.users:write',
    });
    expect((await api(SET, params, T.member)).json.error).toBe('not_an_admin');
    // Without admin.users:read it may still write.
    expect((await api(SET, params, T.noRead)).json).toEqual({ ok: true });
  });
});

describe('admin.users.session.clearSettings', () => {
  it('removes the members’ settings, and is fine with members who have none', async () => {
    fake.org.sessionSettings.set(U.ada, { duration: TEN_YEARS });
    fake.org.sessionSettings.set(U.grace, { desktopAppBrowserQuit: true });
    expect((await api(CLEAR, { user_ids: ids(U.ada, U.someone) })).json).toEqual({ ok: true });
    expect(fake.sessionSettingsOf(U.ada)).toBeUndefined();
    expect(fake.sessionSettingsOf(U.grace)).toEqual({ desktopAppBrowserQuit: true });
    expect((await api(CLEAR, { user_ids: U.grace }, T.noRead)).json).toEqual({ ok: true });
    expect(fake.sessionSettingsOf(U.grace)).toBeUndefined();
  });

  it('wants user_ids and refuses unknown members and bots, clearing no one', async () => {
    fake.org.sessionSettings.set(U.ada, { duration: TEN_YEARS });
    expect((await api(CLEAR)).json).toEqual(invalid('missing required field: user_ids'));
    expect((await api(CLEAR, { user_ids: '[]' })).json.error).toBe('invalid_arguments');
    expect((await api(CLEAR, { user_ids: ids(U.ada, 'W0NOBODY00') })).json).toEqual({
      ok: false,
      error: 'user_not_found',
    });
    expect((await api(CLEAR, { user_ids: ids(U.ada, U.bot) })).json).toEqual({
      ok: false,
      error: 'bots_not_allowed',
    });
    expect(fake.sessionSettingsOf(U.ada)).toEqual({ duration: TEN_YEARS });
    expect((await api(CLEAR, { user_ids: ids(U.ada) }, T.noScope)).json).toMatchObject({
      error: 'missing_scope',
      needed: 'admin.users:write',
    });
  });
});

describe('state', () => {
  it('hands out copies and forgets every setting on reset()', async () => {
    await api(SET, { user_ids: ids(U.ada), duration: String(EIGHT_HOURS) });
    const copy = fake.sessionSettingsOf(U.ada)!;
    copy.duration = 1;
    expect(fake.sessionSettingsOf(U.ada)).toEqual({ duration: EIGHT_HOURS });
    fake.reset();
    expect(fake.org.sessionSettings.size).toBe(0);
    expect(fake.sessionSettingsOf(U.ada)).toBeUndefined();
  });

  it('the noRead token may not list sessions', async () => {
    const reply = await api('admin.users.session.list', {}, T.noRead);
    expect(reply.json).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'admin.users:read',
      provided: 'admin.users:write,users:read,users:read.email',
    });
    expect((await api('auth.test', {}, T.noRead)).json).toMatchObject({
      ok: true,
      user_id: U.admin,
    });
  });
});
