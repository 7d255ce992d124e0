// The org-wide session crowd (`orgSessions`) and planted sessions, over the real wire: what an
// org-wide session search is tested against.

import { Agent, request } from 'node:https';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, type PlantSpec, SANDBOX, seedOrg, startFakeSlack } from './index';

const { users: U, teams, planted: P } = SANDBOX;
const agent = new Agent({ rejectUnauthorized: false, keepAlive: false });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

function send(fake: FakeSlack, path: string, body?: string, type = 'application/json') {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: fake.port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        agent,
        headers: {
          host: 'slack.com',
          'content-type': type,
          authorization: `Bearer ${SANDBOX.tokens.admin}`,
        },
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

const api = (fake: FakeSlack, method: string, params: Record<string, string> = {}) =>
  send(
    fake,
    `/api/${method}`,
    new URLSearchParams(params).toString(),
    'application/x-www-form-urlencoded',
  );

const nextCursor = (reply: Reply): string =>
  (reply.json.response_metadata as { next_cursor: string }).next_cursor;

/** Every page of the org-wide list; IDs read from the text so each digit is exact. */
async function allPages(fake: FakeSlack): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor = '';
  do {
    const reply = await api(fake, 'admin.users.session.list', cursor ? { cursor } : {});
    expect(reply.json.ok).toBe(true);
    pages.push([...reply.text.matchAll(/"session_id":(\d+)[,}]/g)].map((m) => m[1]!));
    cursor = nextCursor(reply);
  } while (cursor);
  return pages;
}

const inReserved = (ip: string) => ip.startsWith('203.0.113.') || ip.startsWith('2001:db8:bad:');

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack({ orgSessions: 2_000, sessionPageSize: 100 });
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
  agent.destroy();
});

describe('orgSessions', () => {
  it('adds that many varied sessions over generated members, none like a planted one', async () => {
    const seeded = seedOrg(600);
    const generated = fake.org.sessions.slice(seeded.sessions.length);
    expect(fake.org.sessions.slice(0, seeded.sessions.length)).toEqual(seeded.sessions);
    expect(generated).toHaveLength(2_000);

    const perMember = new Map<string, number>();
    for (const s of generated) perMember.set(s.user_id, (perMember.get(s.user_id) ?? 0) + 1);
    expect(new Set(perMember.values())).toEqual(new Set([1, 2, 3, 4]));
    for (const id of perMember.keys()) {
      expect(id.startsWith(SANDBOX.generatedPrefix)).toBe(true);
      expect(seeded.members.has(id)).toBe(false);
    }
    const someone = [...perMember.keys()][7]!;
    const info = await api(fake, 'users.info', { user: someone });
    expect((info.json.user as { id: string }).id).toBe(someone);

    expect(new Set(generated.map((s) => s.team_id))).toEqual(
      new Set([teams.eng.id, teams.sales.id]),
    );
    expect(new Set(generated.map((s) => s.created.os))).toEqual(
      new Set(['OS X', 'Windows', 'Linux', 'iOS', 'Android']),
    );
    expect(new Set(generated.map((s) => s.kind))).toEqual(new Set(['web', 'desktop', 'mobile']));
    expect(generated.some((s) => s.created.ip.includes(':'))).toBe(true);
    expect(generated.filter((s) => !s.recent).length).toBeGreaterThan(10);
    expect(generated.filter((s) => s.created.ip === '').length).toBeGreaterThan(1);

    // Nothing unplanted looks planted: the reserved ranges, 4.33.x and moved IPs are free.
    for (const s of fake.org.sessions) {
      for (const device of [s.created, s.recent]) {
        if (!device) continue;
        expect(inReserved(device.ip)).toBe(false);
        expect(device.ip).toMatch(/^$|^198\.51\.100\.|^192\.0\.2\.|^2001:db8:1:/);
        expect(device.slack_client_version.startsWith(P.clientVersion)).toBe(false);
      }
      if (s.recent) expect(s.recent.ip).toBe(s.created.ip);
    }
  });

  it('pages through in pages of at most sessionPageSize, every session exactly once', async () => {
    const pages = await allPages(fake);
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...pages.map((p) => p.length))).toBe(100);
    const listed = pages.flat();
    expect(listed).toEqual(fake.activeSessionIds());
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toContain(SANDBOX.bigSessionId);

    // Each call is recorded with the cursor it sent: the previous page's next_cursor.
    const calls = fake.requestsFor('admin.users.session.list');
    expect(calls).toHaveLength(pages.length);
    expect(calls[0]!.params.cursor).toBeUndefined();
    for (let i = 1; i < calls.length; i++) {
      const previous = calls[i - 1]!.response as { response_metadata: { next_cursor: string } };
      expect(calls[i]!.params.cursor).toBe(previous.response_metadata.next_cursor);
    }
  });

  it('is the same on every start and after reset', async () => {
    // `fake` was reset before this test; `other` is fresh.
    const other = await startFakeSlack({ orgSessions: 2_000 });
    try {
      expect(other.org.sessions).toEqual(fake.org.sessions);
      expect([...other.org.members.keys()]).toEqual([...fake.org.members.keys()]);
      const seeded = fake.activeSessionIds();
      const specs: PlantSpec[] = [
        { userId: U.ada, teamId: teams.eng.id },
        { userId: U.grace, teamId: teams.sales.id },
      ];
      const ids = fake.plantSessions(specs);
      expect(other.plantSessions(specs)).toEqual(ids);
      expect(other.activeSessions()).toEqual(fake.activeSessions());
      fake.reset();
      expect(fake.activeSessionIds()).toEqual(seeded);
      expect(fake.plantSessions(specs)).toEqual(ids);
    } finally {
      await other.close();
    }
  });

  it('starts 100,000 sessions within a second and serves their pages quickly', async () => {
    const started = performance.now();
    const big = await startFakeSlack({ orgSessions: 100_000 });
    const startMs = performance.now() - started;
    try {
      expect(big.org.sessions.length).toBe(seedOrg(600).sessions.length + 100_000);
      expect(startMs).toBeLessThan(1_000);
      const served = performance.now();
      const first = await api(big, 'admin.users.session.list');
      const second = await api(big, 'admin.users.session.list', { cursor: nextCursor(first) });
      expect(performance.now() - served).toBeLessThan(500);
      expect(first.json.active_sessions).toHaveLength(1000);
      expect(second.json.active_sessions).toHaveLength(1000);
      const resetAt = performance.now();
      big.reset();
      expect(performance.now() - resetAt).toBeLessThan(1_000);
    } finally {
      await big.close();
    }
  });
});

const moved = (userId: string, teamId: string, position?: number): PlantSpec => ({
  userId,
  teamId,
  created: { ip: '198.51.100.77', slack_client_version: '4.33.120' },
  recent: { ip: '203.0.113.9' },
  ...(position !== undefined && { position }),
});

describe('plantSessions', () => {
  it('places sessions on the pages asked for, as exact JSON numbers', async () => {
    // sessionPageSize 100: positions 150, 1050 and 2050 are on pages 2, 11 and 21.
    const ids = fake.plantSessions([
      moved(U.grace, teams.sales.id, 1050),
      moved(U.ada, teams.eng.id, 150),
      {
        userId: U.someone,
        teamId: teams.sales.id,
        created: { ip: '2001:db8:bad::5' },
        position: 2050,
      },
    ]);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^\d{13}$/);
    const pages = await allPages(fake);
    expect([1050, 150, 2050].map((p) => Math.floor(p / 100))).toEqual(
      ids.map((id) => pages.findIndex((page) => page.includes(id))),
    );
    expect(fake.activeSessionIds().indexOf(ids[0]!)).toBe(1050);

    // Page 2 as a client sees it: the planted session, its ID a bare JSON number.
    const first = await api(fake, 'admin.users.session.list');
    const second = await api(fake, 'admin.users.session.list', { cursor: nextCursor(first) });
    expect(second.text).toContain(`"session_id":${ids[1]},`);
    const planted = (second.json.active_sessions as { session_id: number }[]).find(
      (s) => s.session_id === Number(ids[1]),
    );
    expect(planted).toEqual({
      user_id: U.ada,
      team_id: teams.eng.id,
      session_id: Number(ids[1]),
      created: {
        device_hardware: 'Apple M2',
        os: 'OS X',
        os_version: '14.4.1',
        slack_client_version: '4.33.120',
        ip: '198.51.100.77',
      },
      recent: {
        device_hardware: 'Apple M2',
        os: 'OS X',
        os_version: '14.4.1',
        slack_client_version: '4.33.120',
        ip: '203.0.113.9',
      },
    });
  });

  it('spreads sessions over the list by default and can leave recent out', () => {
    const count = fake.org.sessions.length;
    const ids = fake.plantSessions([
      moved(U.ada, teams.eng.id),
      moved(U.grace, teams.eng.id),
      { userId: U.someone, teamId: teams.sales.id, created: { os: 'Android' }, recent: null },
    ]);
    const positions = ids.map((id) => fake.activeSessionIds().indexOf(id));
    // Evenly: a quarter, a half and three quarters of the way down the new list.
    expect(positions).toEqual([1, 2, 3].map((k) => Math.floor((k * (count + 3)) / 4)));
    const android = fake.org.sessions[positions[2]!]!;
    expect(android.kind).toBe('mobile');
    expect(android.recent).toBeUndefined();
    // Appended when past the end.
    const [last] = fake.plantSessions([{ userId: U.ada, teamId: teams.eng.id, position: 1e9 }]);
    expect(fake.activeSessionIds().at(-1)).toBe(last);
  });

  it('refuses unknown members and workspaces they are not in, planting none', () => {
    const before = fake.activeSessionIds();
    expect(() =>
      fake.plantSessions([moved(U.ada, teams.eng.id), moved('W0NOBODY00', teams.eng.id)]),
    ).toThrow(/no member W0NOBODY00/);
    expect(() => fake.plantSessions([moved(U.ada, teams.sales.id)])).toThrow(/not in workspace/);
    expect(() => fake.plantSessions([{ ...moved(U.ada, teams.eng.id), position: -1 }])).toThrow(
      /position/,
    );
    expect(fake.activeSessionIds()).toEqual(before);
  });

  it('lets a test check that exactly the planted sessions were ended', async () => {
    const ids = fake.plantSessions([
      moved(U.ada, teams.eng.id, 10),
      moved(U.grace, teams.sales.id, 900),
    ]);
    const before = fake.activeSessions();
    // What a search for the reserved ranges finds: the planted sessions and nothing else.
    expect(
      fake.org.sessions
        .filter((s) => inReserved(s.created.ip) || (s.recent && inReserved(s.recent.ip)))
        .map((s) => String(s.session_id)),
    ).toEqual(ids);
    const ended = await api(fake, 'admin.users.session.invalidate', {
      user_id: U.grace,
      session_id: ids[1]!,
    });
    expect(ended.json).toEqual({ ok: true });
    expect(fake.activeSessions()).toEqual(before.filter((s) => s.sessionId !== ids[1]));
    expect(fake.activeSessions()).toContainEqual({
      teamId: teams.eng.id,
      userId: U.ada,
      sessionId: ids[0],
    });
    const again = await api(fake, 'admin.users.session.invalidate', {
      user_id: U.grace,
      session_id: ids[1]!,
    });
    expect(again.json).toEqual({ ok: false, error: 'session_not_found' });
  });

  it('plants and lists over HTTP for other processes', async () => {
    const planted = await send(
      fake,
      '/_fake/sessions/plant',
      JSON.stringify({ sessions: [moved(U.ada, teams.eng.id, 300)] }),
    );
    expect(planted.json).toEqual({ ok: true, sessionIds: [expect.stringMatching(/^\d+$/)] });
    const [id] = planted.json.sessionIds as string[];
    const active = await send(fake, '/_fake/sessions/active');
    const refs = active.json as unknown as { sessionId: string }[];
    expect(refs[300]).toEqual({ teamId: teams.eng.id, userId: U.ada, sessionId: id });
    expect(refs.map((r) => r.sessionId)).toContain(SANDBOX.bigSessionId);
    const bad = await send(
      fake,
      '/_fake/sessions/plant',
      JSON.stringify({ sessions: [{ userId: 'W0NOBODY00' }] }),
    );
    expect(bad.status).toBe(400);
    await send(fake, '/_fake/reset', '{}');
    expect(fake.activeSessionIds()).not.toContain(id);
  });
});

describe('admin.users.session.list under a rate limit', () => {
  it('answers 429 with Retry-After past the limit and records the cursor each call sent', async () => {
    fake.setRateLimit('admin.users.session.list', 2, 60_000);
    const first = await api(fake, 'admin.users.session.list');
    const cursor = nextCursor(first);
    expect((await api(fake, 'admin.users.session.list', { cursor })).status).toBe(200);
    const limited = await api(fake, 'admin.users.session.list', { cursor });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const calls = fake.requestsFor('admin.users.session.list');
    expect(calls.map((r) => [r.status, r.params.cursor])).toEqual([
      [200, undefined],
      [200, cursor],
      [429, cursor],
    ]);
  });
});
