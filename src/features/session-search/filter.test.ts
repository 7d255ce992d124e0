import { describe, expect, it } from 'vitest';
import type { SessionId, UserId } from '../../shared/ids';
import {
  type CompiledFilter,
  compileFilters,
  countMembers,
  createSessionIndex,
  filterSessions,
  groupMatches,
  type MemberNames,
  type SessionFilters,
  type SessionIndex,
} from './filter';
import type { DeviceView, SessionRow } from './model';
import { syntheticSessions } from './synthetic';

const ENG = 'T0SBXENG01';
const SAL = 'T0SBXSAL02';
const ALICE = 'W0ALICE0001' as UserId;
const BOB = 'W0BOB000002' as UserId;
const CAROL = 'U0CAROL0003' as UserId;

const NO_NAMES: MemberNames = { nameOf: () => undefined, emailOf: () => undefined };
const NAMES: MemberNames = {
  nameOf: (id) => (id === ALICE ? 'Alice Liddell' : undefined),
  emailOf: (id) => (id === BOB ? 'bob@example.com' : undefined),
};
const OFF: SessionFilters = { ip: '', member: '', device: '', ipChanged: false, workspace: '' };

let nextSession = 1_000_000_000_000;
function row(
  userId: UserId,
  created: DeviceView | undefined,
  recent: DeviceView | undefined = created,
  teamId = ENG,
): SessionRow {
  const session: SessionRow = { userId, teamId, sessionId: String(nextSession++) as SessionId };
  if (created) session.created = created;
  if (recent) session.recent = recent;
  return session;
}

const iphone: DeviceView = {
  deviceHardware: 'iPhone15,2',
  os: 'iOS',
  osVersion: '17.4.1',
  slackClientVersion: '24.03.20',
};
const mac: DeviceView = {
  deviceHardware: 'MacBookPro18,3',
  os: 'macOS',
  osVersion: '14.4.1',
  slackClientVersion: '4.33.73',
};
const windows: DeviceView = {
  os: 'Windows',
  osVersion: '10.0.22631',
  slackClientVersion: '14.33.0',
};

// 0: Alice on her iPhone, same IPv4 throughout.
// 1: Alice on her Mac, moved from IPv4 to IPv6.
// 2: Bob on Windows in Sales, the same IPv4 written plain and mapped.
// 3: Bob on his Mac, the same IPv6 compressed and in full.
// 4: Carol: no created view; 5: Carol: no recent view; 6: Carol: an empty and a garbage IP.
const ROWS: SessionRow[] = [
  row(ALICE, { ...iphone, ip: '203.0.113.9' }),
  row(ALICE, { ...mac, ip: '198.51.100.7' }, { ...mac, ip: '2001:db8::1' }),
  row(BOB, { ...windows, ip: '192.0.2.1' }, { ...windows, ip: '::ffff:192.0.2.1' }, SAL),
  row(BOB, { ...mac, ip: '2001:db8::2' }, { ...mac, ip: '2001:0DB8:0:0:0:0:0:2' }),
  row(CAROL, undefined, { ...iphone, ip: '203.0.113.50' }),
  row(CAROL, { ...windows, ip: '203.0.113.51' }, undefined),
  row(CAROL, { ...mac, ip: '' }, { ...mac, ip: 'not an address' }),
];

function indexOf(rows: readonly SessionRow[]): SessionIndex {
  const index = createSessionIndex();
  index.add(rows);
  return index;
}

function compile(filters: Partial<SessionFilters>, names = NAMES): CompiledFilter {
  const compiled = compileFilters({ ...OFF, ...filters }, names);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.value;
}

function find(filters: Partial<SessionFilters>, rows = ROWS, names = NAMES): number[] {
  return [...filterSessions(indexOf(rows), compile(filters, names))];
}

describe('createSessionIndex', () => {
  it('appends pages in load order', () => {
    const index = createSessionIndex();
    index.add(ROWS.slice(0, 3));
    index.add(ROWS.slice(3));
    expect(index.size).toBe(ROWS.length);
    expect(index.rows).toEqual(ROWS);
    expect([...filterSessions(index, compile({ member: 'carol' }))]).toEqual([4, 5, 6]);
  });
});

describe('filterSessions', () => {
  it('keeps every row when no filter is on', () => {
    const compiled = compile({ member: '  ', device: ' ', ip: ' , ' });
    expect(compiled.active).toBe(false);
    expect(find(OFF)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([...filterSessions(createSessionIndex(), compiled)]).toEqual([]);
  });

  it('filters by created or recent IP', () => {
    expect(find({ ip: '203.0.113.0/24' })).toEqual([0, 4, 5]);
    expect(find({ ip: '198.51.100.7' })).toEqual([1]);
    expect(find({ ip: '2001:db8::/32' })).toEqual([1, 3]);
    expect(find({ ip: '2001:db8::2/128' })).toEqual([3]);
    expect(find({ ip: '192.0.2.1' })).toEqual([2]);
    expect(find({ ip: '::ffff:192.0.2.0/120' })).toEqual([2]);
    expect(find({ ip: '0.0.0.0/0, ::/0' })).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('filters by member ID, known name or known e-mail, in any case', () => {
    expect(find({ member: 'w0alice' })).toEqual([0, 1]);
    expect(find({ member: ' LIDDELL ' })).toEqual([0, 1]);
    expect(find({ member: 'example.com' })).toEqual([2, 3]);
    expect(find({ member: 'example.com' }, ROWS, NO_NAMES)).toEqual([]);
    expect(find({ member: 'nobody' })).toEqual([]);
  });

  it('reads a whole user ID as that member alone', () => {
    const rows = [row('W0SYN0000A1' as UserId, iphone), row('W0SYN0000A12' as UserId, iphone)];
    expect(find({ member: 'W0SYN0000A1' }, rows)).toEqual([0]);
    expect(find({ member: 'w0syn0000a1' }, rows)).toEqual([0]);
    expect(find({ member: '<@W0SYN0000A1>' }, rows)).toEqual([0]);
    // Not loaded, so still being typed: it finds the longer IDs it begins.
    expect(find({ member: 'W0SYN0000A' }, rows)).toEqual([0, 1]);
  });

  it('filters by device hardware, OS, OS version or client version', () => {
    expect(find({ device: 'iphone' })).toEqual([0, 4]);
    expect(find({ device: 'WINDOWS' })).toEqual([2, 5]);
    expect(find({ device: 'macbook' })).toEqual([1, 3, 6]);
    expect(find({ device: 'ios 17.4' })).toEqual([0, 4]);
    expect(find({ device: 'ios windows' })).toEqual([]);
  });

  it('finds a version only where it is not part of a longer number', () => {
    const rows = [
      row(ALICE, { slackClientVersion: '4.33.73' }),
      row(ALICE, { slackClientVersion: 'Slack 4.33.1' }),
      row(ALICE, { slackClientVersion: '14.33.0' }),
      row(ALICE, { slackClientVersion: '4.331.2' }),
      row(ALICE, { slackClientVersion: '4.33' }),
      row(ALICE, { osVersion: '10.4.33' }),
    ];
    expect(find({ device: '4.33' }, rows)).toEqual([0, 1, 4, 5]);
    expect(find({ device: '14.33' }, rows)).toEqual([2]);
    expect(find({ device: '4.33.7' }, rows)).toEqual([]);
    expect(find({ device: '4.33.' }, rows)).toEqual([0, 1]);
    // Not a version: a plain substring.
    expect(find({ device: '.33' }, rows)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('filters by workspace', () => {
    expect(find({ workspace: SAL })).toEqual([2]);
    expect(find({ workspace: ENG })).toEqual([0, 1, 3, 4, 5, 6]);
    expect(find({ workspace: 'T0UNKNOWN99' })).toEqual([]);
  });

  it('finds moved sessions, reading equal addresses as equal', () => {
    // Row 2 (mapped) and row 3 (compressed vs full) did not move.
    expect(find({ ipChanged: true })).toEqual([1]);
    const moved = [row(ALICE, { ip: '::ffff:1.2.3.4' }, { ip: '1.2.3.5' })];
    expect(find({ ipChanged: true }, moved)).toEqual([0]);
  });

  it('never counts a missing or unreadable IP as matching or moved', () => {
    const rows = [
      row(ALICE, undefined, undefined),
      row(ALICE, { ip: '' }, { ip: '203.0.113.9' }),
      row(ALICE, { ip: 'garbage' }, { ip: '203.0.113.9' }),
      row(ALICE, {}, {}),
      row(ALICE, { ip: '203.0.113.9' }, undefined),
    ];
    expect(() => find({ ip: '::/0' }, rows)).not.toThrow();
    expect(find({ ip: '0.0.0.0/0 ::/0' }, rows)).toEqual([1, 2, 4]);
    expect(find({ ipChanged: true }, rows)).toEqual([]);
    expect(find({ ip: '203.0.113.0/24', ipChanged: true }, ROWS)).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(find({ member: 'alice', device: 'mac' })).toEqual([1]);
    expect(find({ member: 'bob', ip: '2001:db8::/32' })).toEqual([3]);
    expect(find({ member: 'bob', ip: '2001:db8::/32', workspace: SAL })).toEqual([]);
    expect(find({ ip: '2001:db8::/32', ipChanged: true, device: '4.33' })).toEqual([1]);
  });
});

describe('compileFilters', () => {
  it('fails with the IP sentence, and only for the IP text', () => {
    const parsed = compileFilters({ ...OFF, ip: '203.0.113.0/24 203.0.113.300' }, NAMES);
    expect(parsed).toEqual({
      ok: false,
      message:
        '“203.0.113.300” is not an IP address or range: write one like 203.0.113.9, 203.0.113.0/24 or 2001:db8::/32.',
    });
    const odd = { ...OFF, member: '%$#', device: '/(', workspace: '??' };
    expect(compileFilters(odd, NAMES).ok).toBe(true);
  });
});

describe('groupMatches and countMembers', () => {
  const index = indexOf(ROWS);
  const all = filterSessions(index, compile(OFF));

  it('groups by IP now, member and client version now, biggest first then by value', () => {
    const groups = groupMatches(index, all);
    expect(groups.byIp).toEqual([
      { value: '192.0.2.1', count: 1 },
      { value: '2001:db8::1', count: 1 },
      { value: '2001:db8::2', count: 1 },
      { value: '203.0.113.50', count: 1 },
      { value: '203.0.113.51', count: 1 },
      { value: '203.0.113.9', count: 1 },
    ]);
    expect(groups.byMember).toEqual([
      { value: CAROL, count: 3 },
      { value: ALICE, count: 2 },
      { value: BOB, count: 2 },
    ]);
    expect(groups.byClient).toEqual([
      { value: '4.33.73', count: 3 },
      { value: '14.33.0', count: 2 },
      { value: '24.03.20', count: 2 },
    ]);
    expect(groupMatches(index, all, 1).byMember).toEqual([{ value: CAROL, count: 3 }]);
    expect(groupMatches(index, all, 0).byIp).toEqual([]);
  });

  it('counts only the matches, and their distinct members', () => {
    const matches = filterSessions(index, compile({ device: 'mac' }));
    expect(countMembers(index, matches)).toBe(3);
    expect(countMembers(index, all)).toBe(3);
    expect(countMembers(index, new Uint32Array())).toBe(0);
    // Ties in code-unit order: U… before W….
    expect(groupMatches(index, matches).byMember).toEqual([
      { value: CAROL, count: 1 },
      { value: ALICE, count: 1 },
      { value: BOB, count: 1 },
    ]);
  });

  it('keeps the top values when there are many, in order', () => {
    const big = indexOf(syntheticSessions(5000, 7));
    const groups = groupMatches(big, filterSessions(big, compile(OFF)), 5);
    for (const list of [groups.byIp, groups.byMember, groups.byClient]) {
      expect(list).toHaveLength(5);
      const sorted = [...list].sort((a, b) =>
        a.count !== b.count ? b.count - a.count : a.value < b.value ? -1 : 1,
      );
      expect(list).toEqual(sorted);
    }
    // Nothing left out counts more than the last one kept.
    const counts = new Map<string, number>();
    for (const r of big.rows) counts.set(r.userId, (counts.get(r.userId) ?? 0) + 1);
    const fifth = groups.byMember[4]!;
    const above = [...counts].filter(
      ([id, n]) => n > fifth.count || (n === fifth.count && id < fifth.value),
    );
    expect(above).toHaveLength(4);
  });

  it('finds exactly a group’s sessions when its value is fed back as a filter', () => {
    // IP now and client now: sessions that did not move or upgrade, so only one value counts.
    const steady = syntheticSessions(3000, 3).filter(
      (r) =>
        r.created?.ip === r.recent?.ip &&
        r.created?.slackClientVersion === r.recent?.slackClientVersion,
    );
    const big = indexOf(steady);
    const base = { device: 'ios' };
    const matches = filterSessions(big, compile(base));
    const groups = groupMatches(big, matches);
    expect(groups.byIp.length * groups.byMember.length * groups.byClient.length).toBeGreaterThan(0);
    for (const group of groups.byIp) {
      expect(filterSessions(big, compile({ ...base, ip: group.value }))).toHaveLength(group.count);
    }
    for (const group of groups.byMember) {
      expect(filterSessions(big, compile({ ...base, member: group.value }))).toHaveLength(
        group.count,
      );
    }
    for (const group of groups.byClient) {
      const found = filterSessions(
        big,
        compile({ ...base, device: `${base.device} ${group.value}` }),
      );
      expect(found).toHaveLength(group.count);
    }
  });

  it('still finds a moved session under the IP it signed in from', () => {
    // The IP filter reads created or recent, the IP grouping only the IP now.
    const groups = groupMatches(index, all);
    expect(groups.byIp.find((g) => g.value === '198.51.100.7')).toBeUndefined();
    expect(find({ ip: '198.51.100.7' })).toEqual([1]);
  });
});
