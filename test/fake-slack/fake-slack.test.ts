// The fake is itself tested against the real wire: HTTPS requests with the Host headers
// Chromium would send, so what passes here is what the extension will meet.

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:https';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, SANDBOX, startFakeSlack } from './index';

const { users: U, tokens: T } = SANDBOX;
// No keep-alive: every socket closes with its response, so nothing lingers after the suite.
const agent = new Agent({ rejectUnauthorized: false, keepAlive: false });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

interface SendOptions {
  host?: string;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  port?: number;
}

function send(fake: FakeSlack | undefined, options: SendOptions): Promise<Reply> {
  const { host = 'slack.com', path = '/', method = 'GET', headers = {}, body } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port ?? fake?.port,
        path,
        method,
        agent,
        headers: { host, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let fake: FakeSlack;

/** A form-encoded API call with the token in the Authorization header, as the extension sends it. */
function api(
  method: string,
  params: Record<string, string> = {},
  token: string | null = T.admin,
  host = 'slack.com',
) {
  return send(fake, {
    host,
    path: `/api/${method}`,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

function apiJson(method: string, body: unknown, headers: Record<string, string> = {}) {
  return send(fake, {
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  });
}

const kinds = (userId: string) =>
  fake
    .sessionsOf(userId)
    .map((s) => s.kind)
    .sort();

// The CLI child needs a second or more to boot (tsx, key generation): start it first so that
// happens while the in-process tests run.
let cli: ChildProcess | undefined;
let cliReady: Promise<{ origin: string; port: number }>;

beforeAll(async () => {
  const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
  cli = spawn(process.execPath, ['--import', 'tsx', cliPath, '--members', '5'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cliReady = once(cli.stdout!, 'data').then(([line]) => JSON.parse(String(line)));
  cliReady.catch(() => {});
  fake = await startFakeSlack();
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
  agent.destroy();
  if (cli && cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
});

describe('auth and wire format', () => {
  it('answers auth.test for an org install, with scope headers', async () => {
    const reply = await api('auth.test');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.json).toMatchObject({
      ok: true,
      url: SANDBOX.enterprise.url,
      team: 'Acme Sandbox Org',
      team_id: 'E0SANDBOX01',
      user_id: U.admin,
      enterprise_id: 'E0SANDBOX01',
      is_enterprise_install: true,
    });
    expect(reply.json.bot_id).toBeUndefined();
    expect(reply.headers['x-oauth-scopes']).toBe(
      'admin.users:write, admin.users:read, users:read, users:read.email',
    );
    expect(reply.headers['x-accepted-oauth-scopes']).toBe('');

    const many = await api('auth.test', {}, T.manyScopes);
    expect(String(many.headers['x-oauth-scopes']).split(', ').length).toBeGreaterThan(20);
    const bot = await api('auth.test', {}, T.bot);
    expect(bot.json).toMatchObject({ ok: true, user_id: U.bot, bot_id: SANDBOX.botId });
  });

  it('gives not_authed without a token and invalid_auth for unknown or other-environment tokens', async () => {
    expect((await api('auth.test', {}, null)).json).toEqual({ ok: false, error: 'not_authed' });
    const unknown = await api('auth.test', {}, 'xoxp-nope');
    expect(unknown.json).toEqual({ ok: false, error: 'invalid_auth' });
    expect(unknown.headers['x-oauth-scopes']).toBeUndefined();
    expect((await api('auth.test', {}, T.gov)).json.error).toBe('invalid_auth');
    expect((await api('auth.test', {}, T.admin, 'slack-gov.com')).json.error).toBe('invalid_auth');
    const gov = await api('auth.test', {}, T.gov, 'slack-gov.com');
    expect(gov.json).toMatchObject({ ok: true, url: SANDBOX.enterprise.govUrl, user_id: U.admin });
  });

  it('takes the token from a form field or a GET query', async () => {
    const form = await send(fake, {
      path: '/api/auth.test',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${T.admin}`,
    });
    expect(form.json.ok).toBe(true);
    const get = await send(fake, { path: `/api/users.info?token=${T.admin}&user=${U.ada}` });
    expect(get.json).toMatchObject({ ok: true, user: { id: U.ada } });
  });

  it('reads multipart bodies, and serves GovSlack at /gov/api/ on loopback hosts', async () => {
    const boundary = 'fakeBoundary42';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const multipart = await send(fake, {
      path: '/api/users.info',
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: `${part('token', T.admin)}${part('user', U.grace)}--${boundary}--\r\n`,
    });
    expect(multipart.json).toMatchObject({ ok: true, user: { id: U.grace } });
    const gov = await api('auth.test', {}, T.gov, '127.0.0.1');
    expect(gov.json.error).toBe('invalid_auth');
    const viaGovPath = await send(fake, {
      host: `127.0.0.1:${fake.port}`,
      path: '/gov/api/auth.test',
      method: 'POST',
      headers: { authorization: `Bearer ${T.gov}` },
    });
    expect(viaGovPath.json).toMatchObject({ ok: true, url: SANDBOX.enterprise.govUrl });
  });

  it('needs the Authorization header for a JSON body', async () => {
    const bodyOnly = await apiJson('admin.users.session.reset', { token: T.admin, user_id: U.ada });
    expect(bodyOnly.json).toEqual({ ok: false, error: 'not_authed' });
    expect(fake.sessionsOf(U.ada)).toHaveLength(3);
    const withHeader = await apiJson(
      'admin.users.session.reset',
      { user_id: U.ada, mobile_only: true },
      { authorization: `Bearer ${T.admin}` },
    );
    expect(withHeader.json).toEqual({ ok: true });
    expect(kinds(U.ada)).toEqual(['desktop', 'web']);
  });

  it('rejects missing and unknown post types and unknown methods', async () => {
    const post = (headers: Record<string, string>) =>
      send(fake, {
        path: '/api/auth.test',
        method: 'POST',
        headers: { authorization: `Bearer ${T.admin}`, ...headers },
        body: 'a=b',
      });
    expect((await post({})).json.error).toBe('missing_post_type');
    expect((await post({ 'content-type': 'application/xml' })).json.error).toBe(
      'invalid_post_type',
    );
    const unknown = await api('admin.users.session.nope');
    expect(unknown.json).toMatchObject({ ok: false, error: 'unknown_method' });
  });

  it('refuses admin methods to bots, tokens without the scope, and non-admins', async () => {
    expect((await api('admin.users.session.reset', { user_id: U.ada }, T.bot)).json).toEqual({
      ok: false,
      error: 'not_allowed_token_type',
    });
    const scope = await api('admin.users.session.reset', { user_id: U.ada }, T.noScope);
    expect(scope.json).toEqual({
      ok: false,
      error: 'missing_scope',
      needed: 'admin.users:write',
      provided: 'admin.users:read,users:read,users:read.email',
    });
    expect(scope.headers['x-accepted-oauth-scopes']).toBe('admin.users:write');
    expect(
      (await api('admin.users.session.reset', { user_id: U.grace }, T.member)).json.error,
    ).toBe('not_an_admin');
    expect(fake.sessionsOf(U.grace)).toHaveLength(3);
  });
});

describe('admin.users.session.reset', () => {
  it('clears all of a member’s sessions, or only web+desktop, or only mobile', async () => {
    expect(kinds(U.ada)).toEqual(['desktop', 'mobile', 'web']);
    expect(
      (await api('admin.users.session.reset', { user_id: U.ada, web_only: 'true' })).json,
    ).toEqual({ ok: true });
    expect(kinds(U.ada)).toEqual(['mobile']);
    expect(
      (await api('admin.users.session.reset', { user_id: U.grace, mobile_only: '1' })).json.ok,
    ).toBe(true);
    expect(kinds(U.grace)).toEqual(['desktop', 'web']);
    expect((await api('admin.users.session.reset', { user_id: U.someone })).json.ok).toBe(true);
    expect(fake.sessionsOf(U.someone)).toEqual([]);
    expect(fake.sessionsOf(U.longId)).toHaveLength(2);
  });

  it('rejects both flags at once', async () => {
    const reply = await api('admin.users.session.reset', {
      user_id: U.ada,
      web_only: 'true',
      mobile_only: 'true',
    });
    expect(reply.json.error).toBe('invalid_arguments');
    expect(fake.sessionsOf(U.ada)).toHaveLength(3);
  });

  it('protects the primary owner from everyone but the primary owner', async () => {
    const byAdmin = await api('admin.users.session.reset', { user_id: U.primaryOwner });
    expect(byAdmin.json).toEqual({ ok: false, error: 'cannot_reset_primary_owner' });
    expect(fake.sessionsOf(U.primaryOwner)).toHaveLength(2);
    const byPrimary = await api(
      'admin.users.session.reset',
      { user_id: U.primaryOwner },
      T.primaryOwner,
    );
    expect(byPrimary.json).toEqual({ ok: true });
    expect(fake.sessionsOf(U.primaryOwner)).toEqual([]);
  });

  it('refuses bots and unknown users; a deactivated member resets fine', async () => {
    expect((await api('admin.users.session.reset', { user_id: U.bot })).json.error).toBe(
      'cannot_reset_bot',
    );
    expect((await api('admin.users.session.reset', { user_id: 'W0NOBODY00' })).json.error).toBe(
      'user_not_found',
    );
    expect((await api('admin.users.session.reset', { user_id: U.deleted })).json).toEqual({
      ok: true,
    });
    expect((await api('admin.users.session.reset', {})).json.error).toBe('invalid_arguments');
  });

  it('rate limits per method per token with 429 and Retry-After', async () => {
    fake.setRateLimit('admin.users.session.reset', 2, 30_000);
    for (let i = 0; i < 2; i++)
      expect((await api('admin.users.session.reset', { user_id: U.ada })).status).toBe(200);
    const limited = await api('admin.users.session.reset', { user_id: U.ada });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(fake.requestsFor('admin.users.session.reset').map((r) => r.status)).toEqual([
      200, 200, 429,
    ]);
    // Other tokens and other methods have their own windows.
    expect((await api('admin.users.session.reset', { user_id: U.ada }, T.manyScopes)).status).toBe(
      200,
    );
    expect((await api('auth.test')).status).toBe(200);
  });
});

describe('admin.users.session.list', () => {
  it('paginates every session with next_cursor, as JSON numbers', async () => {
    fake.configure({ sessionPageSize: 200 });
    const ids: number[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const reply = await api('admin.users.session.list', cursor ? { cursor } : {});
      expect(reply.json.ok).toBe(true);
      if (pages === 0) expect(reply.text).toMatch(/"session_id":\d{13},/);
      for (const s of reply.json.active_sessions as { session_id: number }[])
        ids.push(s.session_id);
      cursor = (reply.json.response_metadata as { next_cursor: string }).next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(fake.org.sessions.length / 200));
    expect(new Set(ids).size).toBe(fake.org.sessions.length);
    expect(typeof ids[0]).toBe('number');
  });

  it('honours limit, filters by user and workspace, and checks its arguments', async () => {
    const two = await api('admin.users.session.list', { limit: '2' });
    expect((two.json.active_sessions as unknown[]).length).toBe(2);
    expect((two.json.response_metadata as { next_cursor: string }).next_cursor).not.toBe('');
    const org = await api('admin.users.session.list', { user_id: U.grace, team_id: 'E0SANDBOX01' });
    expect((org.json.active_sessions as unknown[]).length).toBe(3);
    const sales = await api('admin.users.session.list', {
      user_id: U.grace,
      team_id: SANDBOX.teams.sales.id,
    });
    expect(sales.json.active_sessions).toHaveLength(2);
    expect(sales.json.response_metadata).toEqual({ next_cursor: '' });
    expect((await api('admin.users.session.list', { user_id: U.ada })).json.error).toBe(
      'missing_team',
    );
    expect(
      (await api('admin.users.session.list', { team_id: SANDBOX.teams.eng.id })).json.error,
    ).toBe('missing_user');
    expect((await api('admin.users.session.list', { cursor: 'garbage' })).json.error).toBe(
      'invalid_cursor',
    );
    expect(
      (await api('admin.users.session.list', { user_id: U.bot, team_id: 'E0SANDBOX01' })).json
        .error,
    ).toBe('bots_not_allowed');
    expect(
      (await api('admin.users.session.list', { user_id: 'W0NOBODY00', team_id: 'E0SANDBOX01' }))
        .json.error,
    ).toBe('user_not_found');
  });
});

describe('admin.users.session.invalidate', () => {
  it('removes exactly one session, then reports it gone', async () => {
    const total = fake.org.sessions.length;
    const [target, ...others] = fake.sessionsOf(U.ada);
    const id = String(target!.session_id);
    expect(
      (await api('admin.users.session.invalidate', { user_id: U.ada, session_id: id })).json,
    ).toEqual({ ok: true });
    expect(fake.sessionsOf(U.ada)).toEqual(others);
    expect(fake.org.sessions.length).toBe(total - 1);
    const again = await api('admin.users.session.invalidate', { user_id: U.ada, session_id: id });
    expect(again.json).toEqual({ ok: false, error: 'session_not_found' });
  });

  it('accepts team_id instead of user_id and checks ownership', async () => {
    const grace = fake.sessionsOf(U.grace).find((s) => s.team_id === SANDBOX.teams.sales.id)!;
    const id = String(grace.session_id);
    expect(
      (await api('admin.users.session.invalidate', { user_id: U.ada, session_id: id })).json.error,
    ).toBe('session_not_found');
    expect(
      (
        await api('admin.users.session.invalidate', {
          team_id: SANDBOX.teams.eng.id,
          session_id: id,
        })
      ).json.error,
    ).toBe('session_not_found');
    expect((await api('admin.users.session.invalidate', { session_id: id })).json.error).toBe(
      'invalid_arguments',
    );
    expect(
      (await api('admin.users.session.invalidate', { user_id: U.grace, session_id: '12a' })).json
        .error,
    ).toBe('invalid_arguments');
    const ok = await apiJson(
      'admin.users.session.invalidate',
      { team_id: SANDBOX.teams.sales.id, session_id: grace.session_id },
      { authorization: `Bearer ${T.admin}` },
    );
    expect(ok.json).toEqual({ ok: true });
    expect(fake.sessionsOf(U.grace)).toHaveLength(2);
  });

  it('writes an ID past 2^53 as the exact JSON number and ends only that session', async () => {
    const big = SANDBOX.bigSessionId;
    const listed = await api('admin.users.session.list', {
      user_id: U.longId,
      team_id: SANDBOX.teams.eng.id,
    });
    expect(listed.text).toContain(`"session_id":${big},`);
    expect(listed.text).not.toContain(`"${big}"`);
    const [desktop] = fake.sessionsOf(U.longId).filter((s) => String(s.session_id) !== big);
    // What a client that rounded the ID through a Number would send instead.
    const rounded = String(Number(big));
    expect(rounded).not.toBe(big);
    expect(
      (await api('admin.users.session.invalidate', { user_id: U.longId, session_id: rounded })).json
        .error,
    ).toBe('session_not_found');
    expect(
      (await api('admin.users.session.invalidate', { user_id: U.longId, session_id: big })).json,
    ).toEqual({ ok: true });
    expect(fake.sessionsOf(U.longId)).toEqual([desktop]);
  });

  it('keeps the primary owner’s sessions from other admins', async () => {
    const id = String(fake.sessionsOf(U.primaryOwner)[0]!.session_id);
    const reply = await api('admin.users.session.invalidate', {
      user_id: U.primaryOwner,
      session_id: id,
    });
    expect(reply.json.error).toBe('cannot_invalidate_primary_owner');
    expect(
      (
        await api(
          'admin.users.session.invalidate',
          { user_id: U.primaryOwner, session_id: id },
          T.primaryOwner,
        )
      ).json.ok,
    ).toBe(true);
  });
});

describe('users.*', () => {
  it('looks members up by e-mail, ignoring case', async () => {
    const reply = await api('users.lookupByEmail', { email: 'Ada@Example.COM' });
    expect(reply.json).toMatchObject({
      ok: true,
      user: {
        id: U.ada,
        real_name: 'Ada Lovelace',
        profile: { email: 'ada@example.com' },
        enterprise_user: { enterprise_id: 'E0SANDBOX01' },
      },
    });
    expect((await api('users.lookupByEmail', { email: 'nobody@example.com' })).json.error).toBe(
      'users_not_found',
    );
    expect(
      (await api('users.lookupByEmail', { email: 'ada@example.com' }, T.noEmail)).json,
    ).toMatchObject({
      error: 'missing_scope',
      needed: 'users:read.email',
    });
  });

  it('answers users.info, without the e-mail for tokens lacking users:read.email', async () => {
    const info = await api('users.info', { user: U.longId });
    expect(info.json).toMatchObject({
      ok: true,
      user: { id: U.longId, profile: { email: SANDBOX.emails.longId } },
    });
    const noEmail = await api('users.info', { user: U.ada }, T.noEmail);
    expect(
      (noEmail.json.user as { profile: Record<string, unknown> }).profile.email,
    ).toBeUndefined();
    expect((await api('users.info', { user: 'W0NOBODY00' })).json.error).toBe('user_not_found');
  });
});

describe('admin.users.session.resetBulk', () => {
  const resetBulk = (ids: string[], token: string = T.admin) =>
    api('admin.users.session.resetBulk', { user_ids: JSON.stringify(ids) }, token);
  const afterJobs = () => new Promise((resolve) => setImmediate(resolve));
  const refusedAndValid = [U.ada, U.bot, U.primaryOwner, 'W0NOBODY00', U.grace];
  /** Well-formed IDs the org does not know. */
  const unknownIds = (n: number) =>
    Array.from({ length: n }, (_, i) => `W0X${String(i).padStart(7, '0')}`);

  // Slack documents failed_for_some_users but not which members failed: the fake used to name
  // them (failed_user_ids, one message each), which a client could have come to rely on.
  it('by default resets the others and answers failed_for_some_users, naming no one', async () => {
    expect(fake.config.bulkSemantics).toBe('some-failed');
    const reply = await resetBulk(refusedAndValid);
    expect(reply.json).toEqual({ ok: false, error: 'failed_for_some_users' });
    await afterJobs();
    expect(fake.sessionsOf(U.ada)).toEqual([]);
    expect(fake.sessionsOf(U.grace)).toEqual([]);
    expect(fake.sessionsOf(U.primaryOwner)).toHaveLength(2);
    expect((await resetBulk([U.someone])).json).toEqual({ ok: true });
  });

  it("as 'whole-call', refuses the call with the first such member's own error and resets no one", async () => {
    fake.configure({ bulkSemantics: 'whole-call' });
    expect((await resetBulk(refusedAndValid)).json).toEqual({
      ok: false,
      error: 'cannot_reset_bot',
    });
    expect((await resetBulk([U.ada, 'W0NOBODY00', U.bot])).json).toEqual({
      ok: false,
      error: 'user_not_found',
    });
    expect((await resetBulk([U.grace, U.primaryOwner])).json).toEqual({
      ok: false,
      error: 'cannot_reset_primary_owner',
    });
    await afterJobs();
    fake.flushBulkResets();
    expect(fake.sessionsOf(U.ada)).toHaveLength(3);
    expect(fake.sessionsOf(U.grace)).toHaveLength(3);
    // The same members, each one resettable: the call goes through.
    expect((await resetBulk([U.ada, U.primaryOwner], T.primaryOwner)).json).toEqual({ ok: true });
    await afterJobs();
    expect(fake.sessionsOf(U.ada)).toEqual([]);
    expect(fake.sessionsOf(U.primaryOwner)).toEqual([]);
  });

  it('sets the semantics at start and over HTTP; reset() brings back the start value', async () => {
    const control = (body: unknown) =>
      send(fake, {
        path: '/_fake/config',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const set = await control({ bulkSemantics: 'whole-call' });
    expect(set.json).toMatchObject({ ok: true, config: { bulkSemantics: 'whole-call' } });
    expect((await resetBulk([U.ada, U.bot])).json.error).toBe('cannot_reset_bot');
    expect((await control({ bulkSemantics: 'partly' })).status).toBe(400);
    expect(fake.config.bulkSemantics).toBe('whole-call');
    fake.reset();
    expect(fake.config.bulkSemantics).toBe('some-failed');

    const other = await startFakeSlack({ extraMembers: 0, bulkSemantics: 'whole-call' });
    try {
      expect(other.config.bulkSemantics).toBe('whole-call');
      other.configure({ bulkSemantics: 'some-failed' });
      other.reset();
      expect(other.config.bulkSemantics).toBe('whole-call');
    } finally {
      await other.close();
    }
  });

  it('takes up to 1,000 user_ids, unknown ones as user_not_found, and refuses more', async () => {
    const thousand = [U.ada, ...unknownIds(999)];
    expect((await resetBulk(thousand)).json).toEqual({ ok: false, error: 'failed_for_some_users' });
    await afterJobs();
    expect(fake.sessionsOf(U.ada)).toEqual([]);

    fake.configure({ bulkSemantics: 'whole-call' });
    expect((await resetBulk([U.grace, ...unknownIds(999)])).json.error).toBe('user_not_found');
    await afterJobs();
    expect(fake.sessionsOf(U.grace)).toHaveLength(3);

    const tooMany = { ok: false, error: 'invalid_arguments' };
    const over = await resetBulk([U.grace, ...unknownIds(1000)]);
    expect(over.json).toEqual({
      ...tooMany,
      response_metadata: {
        messages: ['[ERROR] no more than 1000 items allowed [json-pointer:/user_ids]'],
      },
    });
    // The limit counts the list as sent: a repeat does not make room.
    expect((await resetBulk([U.grace, U.grace, ...unknownIds(999)])).json).toMatchObject(tooMany);
    await afterJobs();
    expect(fake.sessionsOf(U.grace)).toHaveLength(3);
  });

  it('resets 1,000 members in one call', async () => {
    const big = await startFakeSlack({ extraMembers: 1000 });
    try {
      const ids = [...big.org.members.values()]
        .filter((m) => !m.isBot && !m.isPrimaryOwner)
        .map((m) => m.id)
        .slice(0, 1000);
      expect(ids).toHaveLength(1000);
      const reply = await send(big, {
        path: '/api/admin.users.session.resetBulk',
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          authorization: `Bearer ${T.admin}`,
        },
        body: JSON.stringify({ user_ids: ids }),
      });
      expect(reply.json).toEqual({ ok: true });
      big.flushBulkResets();
      expect(ids.filter((id) => big.sessionsOf(id).length > 0)).toEqual([]);
    } finally {
      await big.close();
    }
  });

  it('records the members of every call, so tests can count how often each was sent', async () => {
    await resetBulk([U.ada, U.grace]);
    await api('admin.users.session.resetBulk', { user_ids: `${U.ada},${U.ada}` });
    fake.injectFault('admin.users.session.resetBulk', { kind: 'status', status: 500 });
    expect((await resetBulk([U.ada])).status).toBe(500);
    await api('admin.users.session.resetBulk', { user_ids: '[not json' });
    expect(fake.bulkSendsOf(U.ada)).toBe(4);
    expect(fake.bulkSendsOf(U.grace)).toBe(1);
    expect(fake.bulkSendsOf(U.someone)).toBe(0);
    expect(fake.requestsFor('admin.users.session.resetBulk').map((r) => r.userIds)).toEqual([
      [U.ada, U.grace],
      [U.ada, U.ada],
      [U.ada],
      undefined,
    ]);
    const overHttp = await send(fake, {
      path: '/_fake/requests?method=admin.users.session.resetBulk',
    });
    expect((overHttp.json as unknown as { userIds?: string[] }[])[0]!.userIds).toEqual([
      U.ada,
      U.grace,
    ]);
  });

  it('takes comma-separated IDs and JSON arrays, runs after bulkDelayMs, and checks the count', async () => {
    fake.configure({ bulkDelayMs: 60_000 });
    const comma = await api('admin.users.session.resetBulk', {
      user_ids: `${U.ada},${U.someone}`,
      web_only: 'true',
    });
    expect(comma.json).toEqual({ ok: true });
    expect(fake.sessionsOf(U.ada)).toHaveLength(3);
    fake.flushBulkResets();
    expect(kinds(U.ada)).toEqual(['mobile']);
    expect(kinds(U.someone)).toEqual(['mobile']);
    const json = await apiJson(
      'admin.users.session.resetBulk',
      { user_ids: [U.longId] },
      { authorization: `Bearer ${T.admin}` },
    );
    expect(json.json).toEqual({ ok: true });
    expect(fake.requestsFor('admin.users.session.resetBulk')[1]!.params.user_ids).toBe(
      JSON.stringify([U.longId]),
    );
    const tooMany = Array.from({ length: 1001 }, (_, i) => `W0X${String(i).padStart(7, '0')}`);
    expect(
      (await api('admin.users.session.resetBulk', { user_ids: JSON.stringify(tooMany) })).json
        .error,
    ).toBe('invalid_arguments');
    expect((await api('admin.users.session.resetBulk', { user_ids: '[]' })).json.error).toBe(
      'invalid_arguments',
    );
  });
});

describe('faults and recording', () => {
  it('destroys the socket, truncates the body, fails with a status or delays, as injected', async () => {
    fake.injectFault('auth.test', { kind: 'reset' });
    await expect(api('auth.test')).rejects.toThrow(/socket hang up|ECONNRESET/);
    fake.injectFault('auth.test', { kind: 'malformed' });
    const malformed = await api('auth.test');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    fake.injectFault('*', { kind: 'status', status: 503 }, 2);
    expect((await api('users.info', { user: U.ada })).status).toBe(503);
    expect((await api('auth.test')).status).toBe(503);
    fake.injectFault('auth.test', { kind: 'html' });
    expect((await api('auth.test')).headers['content-type']).toMatch(/^text\/html/);
    fake.injectFault('auth.test', { kind: 'ratelimit', retryAfter: 7 });
    const limited = await api('auth.test');
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '7']);
    fake.injectFault('auth.test', { kind: 'error', error: 'internal_error' });
    expect((await api('auth.test')).json).toEqual({ ok: false, error: 'internal_error' });
    fake.injectFault('admin.users.session.reset', { kind: 'delay', ms: 250 });
    const started = Date.now();
    expect((await api('admin.users.session.reset', { user_id: U.ada })).json).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect((await api('auth.test')).json.ok).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([0, 200, 503, 503, 200, 429, 200, 200, 200]);
  });

  it('leaves state alone when a fault answers instead of the method', async () => {
    fake.injectFault('admin.users.session.reset', { kind: 'status', status: 500 });
    expect((await api('admin.users.session.reset', { user_id: U.ada })).status).toBe(500);
    expect(fake.sessionsOf(U.ada)).toHaveLength(3);
  });

  it('records every API request in order, but not page loads or control calls', async () => {
    await api('auth.test');
    await api('admin.users.session.reset', { user_id: U.bot });
    await api('auth.test', {}, null);
    await send(fake, { host: 'acme-eng.slack.com', path: '/admin' });
    await send(fake, { path: '/_fake/requests' });
    expect(
      fake.requests.map((r) => [r.method, r.status, (r.response as { error?: string }).error]),
    ).toEqual([
      ['auth.test', 200, undefined],
      ['admin.users.session.reset', 200, 'cannot_reset_bot'],
      ['auth.test', 200, 'not_authed'],
    ]);
    const [first, second] = fake.requests;
    expect(first).toMatchObject({
      httpMethod: 'POST',
      host: 'slack.com',
      path: '/api/auth.test',
      authorization: `Bearer ${T.admin}`,
      token: T.admin,
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(second!.params).toEqual({ user_id: U.bot });
    expect(second!.rawBody).toBe(`user_id=${U.bot}`);
  });

  it('offers the same controls over HTTP for other processes', async () => {
    const post = (path: string, body: unknown) =>
      send(fake, {
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await post('/_fake/fault', {
          method: 'auth.test',
          fault: { kind: 'error', error: 'fatal_error' },
        })
      ).json.ok,
    ).toBe(true);
    expect((await api('auth.test')).json.error).toBe('fatal_error');
    expect(
      (await post('/_fake/rate-limit', { method: 'auth.test', limit: 0, windowMs: 5000 })).json.ok,
    ).toBe(true);
    expect((await api('auth.test')).status).toBe(429);
    const recorded = await send(fake, { path: '/_fake/requests' });
    expect((recorded.json as unknown as unknown[]).length).toBe(2);
    expect((await post('/_fake/fault', { method: 'x', fault: { kind: 'bogus' } })).status).toBe(
      400,
    );
    expect((await post('/_fake/reset', {})).json.ok).toBe(true);
    expect(fake.requests).toEqual([]);
    expect((await api('auth.test')).status).toBe(200);
  });
});

describe('admin pages', () => {
  it('serves the workspace admin with a row per member', async () => {
    const page = await send(fake, { host: 'acme-eng.slack.com', path: '/admin' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain(`<tr data-member-id="${U.ada}">`);
    expect(page.text).toContain(`<a href="/team/${U.ada}">Ada Lovelace</a>`);
    expect(page.text).not.toContain(`data-member-id="${U.someone}"`);
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)/);
    const sales = await send(fake, { host: 'acme-sales.slack-gov.com', path: '/admin/settings' });
    expect(sales.text).toContain(`data-member-id="${U.someone}"`);
    expect((await send(fake, { host: 'nowhere.slack.com', path: '/admin' })).status).toBe(404);
    const profile = await send(fake, { host: 'acme-eng.slack.com', path: `/team/${U.ada}` });
    expect(profile.text).toContain('Ada Lovelace');
  });

  it('serves the org People app and member pages on both org hosts', async () => {
    for (const [host, base] of [
      ['app.slack.com', '/manage/E0SANDBOX01/people'],
      ['acme-sandbox.enterprise.slack.com', '/manage/people'],
      ['app.slack-gov.com', '/manage/E0SANDBOX01/people'],
    ] as const) {
      const list = await send(fake, { host, path: `${base}?pageSize=5000` });
      expect(list.status).toBe(200);
      expect(list.text).toContain('data-qa="org_members_table_container"');
      expect(list.text).toContain(`data-base="${base}"`);
      const detail = await send(fake, { host, path: `${base}/${U.grace}` });
      expect(detail.status).toBe(200);
      expect(detail.text).toContain('data-fake-app="org-people"');
      expect(detail.text).not.toContain(U.grace);
    }
    expect(
      (await send(fake, { host: 'app.slack.com', path: '/manage/E0OTHER0001/people' })).status,
    ).toBe(404);
    const data = await send(fake, { host: 'app.slack.com', path: '/_fake/page-data/people' });
    expect((data.json.members as unknown[]).length).toBeGreaterThan(500);
    const script = await send(fake, { host: 'app.slack.com', path: '/_fake/admin.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain('__fakeAdmin');
  });
});

describe('lifecycle', () => {
  it('presents one certificate for every Slack host', async () => {
    const socket = connect({
      host: '127.0.0.1',
      port: fake.port,
      servername: 'slack.com',
      rejectUnauthorized: false,
    });
    await once(socket, 'secureConnect');
    const names = socket.getPeerCertificate().subjectaltname;
    socket.destroy();
    for (const name of [
      'slack.com',
      '*.slack.com',
      '*.enterprise.slack.com',
      'slack-gov.com',
      '*.slack-gov.com',
      'localhost',
    ]) {
      expect(names).toContain(`DNS:${name}`);
    }
    expect(names).toContain('IP Address:127.0.0.1');
  });

  // That close() leaves nothing running is proven by the CLI test below: its process must
  // exit by itself. Here: pending work ends at once and the port is released.
  it('close() ends pending requests at once and stops listening', async () => {
    const other = await startFakeSlack({ extraMembers: 3, bulkDelayMs: 60_000 });
    const post = (path: string) =>
      send(other, {
        path,
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Bearer ${T.admin}`,
        },
        body: new URLSearchParams({ user_ids: U.ada }).toString(),
      });
    expect((await post('/api/admin.users.session.resetBulk')).json.ok).toBe(true);
    other.injectFault('auth.test', { kind: 'delay', ms: 60_000 });
    const pending = post('/api/auth.test').catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
    expect(other.sessionsOf(U.ada)).toHaveLength(3);
    await expect(post('/api/auth.test')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('runs standalone from the CLI and exits by itself on SIGTERM', async () => {
    const child = cli!;
    const started = await cliReady;
    expect(started.origin).toBe(`https://127.0.0.1:${started.port}`);
    const reply = await send(undefined, {
      port: started.port,
      path: '/api/auth.test',
      method: 'POST',
      headers: { authorization: `Bearer ${T.admin}` },
    });
    expect(reply.json.ok).toBe(true);
    // A pending delayed request and a queued bulk job must not keep the process alive.
    const control = (path: string, payload: unknown) =>
      send(undefined, {
        port: started.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
    await control('/_fake/config', { bulkDelayMs: 60_000 });
    const bulk = await send(undefined, {
      port: started.port,
      path: '/api/admin.users.session.resetBulk',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${T.admin}&user_ids=${U.ada}`,
    });
    expect(bulk.json.ok).toBe(true);
    await control('/_fake/fault', { method: 'users.info', fault: { kind: 'delay', ms: 60_000 } });
    send(undefined, {
      port: started.port,
      path: `/api/users.info?token=${T.admin}&user=${U.ada}`,
    }).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});
