// The seeded sandbox org. Everything is derived from indexes, never from randomness or the
// clock, so two starts (or a reset) produce byte-identical state and tests can name IDs.

import { generatedSession, sessionsPerMember } from './generated-sessions';
import type {
  ActiveSessionRecord,
  Member,
  Org,
  SessionDevice,
  SessionKind,
  TokenSpec,
  Workspace,
} from './types';

const ENG: Workspace = { id: 'T0SBXENG01', name: 'Acme Engineering', domain: 'acme-eng' };
const SALES: Workspace = { id: 'T0SBXSAL02', name: 'Acme Sales', domain: 'acme-sales' };

export const ADMIN_SCOPES = [
  'admin.users:write',
  'admin.users:read',
  'users:read',
  'users:read.email',
] as const;

const UNRELATED_SCOPES = [
  'channels:history',
  'channels:read',
  'chat:write',
  'emoji:read',
  'files:read',
  'files:write',
  'groups:history',
  'groups:read',
  'im:history',
  'im:read',
  'links:read',
  'mpim:history',
  'mpim:read',
  'pins:write',
  'reactions:read',
  'reactions:write',
  'reminders:write',
  'search:read',
  'stars:read',
  'team:read',
  'usergroups:read',
  'users.profile:read',
];

/** The names tests, the demo and the README use. */
export const SANDBOX = {
  enterprise: {
    id: 'E0SANDBOX01',
    name: 'Acme Sandbox Org',
    domain: 'acme-sandbox',
    url: 'https://acme-sandbox.enterprise.slack.com/',
    govUrl: 'https://acme-sandbox.enterprise.slack-gov.com/',
  },
  teams: { eng: ENG, sales: SALES },
  appId: 'A0SBXAPP001',
  users: {
    admin: 'W0SBXADMIN1',
    primaryOwner: 'W0SBXOWNER1',
    owner: 'W0SBXOWNER2',
    ada: 'U0123ABCD',
    grace: 'W0ABCDEFGHIJ',
    someone: 'U0SOMEONE1',
    longId: 'U0SBXLONGID000000000X',
    bot: 'U0SBXBOT0001',
    deleted: 'U0SBXGONE001',
  },
  emails: {
    admin: 'riley.admin@example.com',
    primaryOwner: 'pat.primary@example.com',
    owner: 'olu.owner@example.com',
    ada: 'ada@example.com',
    grace: 'grace@example.com',
    someone: 'someone@example.com',
    longId: 'lou.long@example.com',
    deleted: 'former.member@example.com',
  },
  botId: 'B0SBXBOT0001',
  tokens: {
    admin: 'xoxp-sandbox-admin-0001',
    noScope: 'xoxp-sandbox-noscope-0002',
    bot: 'xoxb-sandbox-bot-0003',
    member: 'xoxp-sandbox-member-0004',
    manyScopes: 'xoxp-sandbox-manyscopes-0005',
    primaryOwner: 'xoxp-sandbox-primary-0006',
    gov: 'xoxp-sandbox-gov-0007',
    noEmail: 'xoxp-sandbox-noemail-0008',
    noRead: 'xoxp-sandbox-noread-0009',
    /** The admin's token of an app installed on one workspace only, not the organization. */
    workspaceInstall: 'xoxp-sandbox-workspace-0010',
  },
  adminScopes: ADMIN_SCOPES,
  /** The first seeded session ID; the rest follow from it. */
  firstSessionId: 1112275520242,
  /**
   * Lou's web session: an ID past 2^53 (Slack's IDs are JSON numbers), which a client that
   * turned it into a Number would round to another session's ID.
   */
  bigSessionId: '9007199254740993',
  /** Prefix of generated members (`W0SBXM` + 5 base-36 chars) and of page-only rows (`W0SBXR` + 6 digits). */
  generatedPrefix: 'W0SBXM',
  syntheticRowPrefix: 'W0SBXR',
  /** The first ID plantSessions hands out; the rest follow from it. */
  firstPlantedSessionId: 1987654320011,
  /**
   * Only planted sessions carry these, so a search for them finds exactly what a test planted.
   * Seeded and generated sessions use 198.51.100.0/24, 192.0.2.0/24 and 2001:db8:1::/48, and
   * their recent IP is always their created IP.
   */
  planted: {
    ipv4: '203.0.113.0/24',
    ipv6: '2001:db8:bad::/48',
    /** slack_client_version prefix: 4.33.x. */
    clientVersion: '4.33.',
  },
} as const;

const U = SANDBOX.users;
const E = SANDBOX.emails;

type MemberSeed = Omit<Member, 'displayName' | 'title' | 'deleted' | 'isBot' | 'botId'> &
  Partial<Pick<Member, 'displayName' | 'title' | 'deleted' | 'isBot' | 'botId'>>;

const plain = { isAdmin: false, isOwner: false, isPrimaryOwner: false };
const both = [ENG.id, SALES.id];

const NAMED: MemberSeed[] = [
  {
    id: U.admin,
    name: 'riley.admin',
    realName: 'Riley Admin',
    email: E.admin,
    title: 'IT Administrator',
    teams: both,
    isAdmin: true,
    isOwner: false,
    isPrimaryOwner: false,
  },
  {
    id: U.primaryOwner,
    name: 'pat.primary',
    realName: 'Pat Primary',
    email: E.primaryOwner,
    title: 'CEO',
    teams: both,
    isAdmin: true,
    isOwner: true,
    isPrimaryOwner: true,
  },
  {
    id: U.owner,
    name: 'olu.owner',
    realName: 'Olu Owner',
    email: E.owner,
    title: 'CTO',
    teams: both,
    isAdmin: true,
    isOwner: true,
    isPrimaryOwner: false,
  },
  {
    id: U.ada,
    name: 'ada',
    realName: 'Ada Lovelace',
    email: E.ada,
    title: 'Analyst',
    teams: [ENG.id],
    ...plain,
  },
  {
    id: U.grace,
    name: 'grace',
    realName: 'Grace Hopper',
    email: E.grace,
    title: 'Rear Admiral',
    teams: both,
    ...plain,
  },
  {
    id: U.someone,
    name: 'sam.someone',
    realName: 'Sam Someone',
    email: E.someone,
    title: 'Account Executive',
    teams: [SALES.id],
    ...plain,
  },
  {
    id: U.longId,
    name: 'lou.long',
    realName: 'Lou Longname',
    email: E.longId,
    title: 'Engineer',
    teams: [ENG.id],
    ...plain,
  },
  {
    id: U.bot,
    name: 'deploy-bot',
    realName: 'Deploy Bot',
    email: '',
    teams: [ENG.id],
    isBot: true,
    botId: SANDBOX.botId,
    ...plain,
  },
  {
    id: U.deleted,
    name: 'former.member',
    realName: 'Former Member',
    email: E.deleted,
    teams: [ENG.id],
    deleted: true,
    ...plain,
  },
];

const FIRST = [
  'Alex',
  'Blake',
  'Casey',
  'Dana',
  'Eli',
  'Frankie',
  'Gale',
  'Harper',
  'Indy',
  'Jordan',
  'Kai',
  'Lee',
  'Morgan',
  'Noor',
  'Oakley',
  'Parker',
  'Quinn',
  'Rowan',
  'Skyler',
  'Taylor',
];
const LAST = [
  'Abbott',
  'Baker',
  'Chen',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jones',
  'Kowalski',
  'Lopez',
  'Mensah',
  'Nguyen',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Weber',
];

/** Name parts of generated members; the People page names its synthetic rows from them too. */
export const NAME_PARTS = { first: FIRST, last: LAST } as const;

/** Deterministic pseudo-random 5-char base-36 suffix: an odd stride coprime with 36^5 never repeats. */
function generatedId(i: number): string {
  const n = (i * 7919 + 12_345) % 36 ** 5;
  return `${SANDBOX.generatedPrefix}${n.toString(36).toUpperCase().padStart(5, '0')}`;
}

/** pages/admin.js names its synthetic rows the same way (same lists, same formula). */
function generatedName(i: number): { first: string; last: string } {
  return {
    first: FIRST[i % FIRST.length]!,
    last: LAST[Math.floor(i / FIRST.length) % LAST.length]!,
  };
}

function generatedMember(i: number): Member {
  const { first, last } = generatedName(i);
  const handle = `${first}.${last}${i + 1}`.toLowerCase();
  // Thirds: Engineering only, Sales only, both — so each workspace page has a few hundred rows.
  const teams = i % 3 === 0 ? [ENG.id] : i % 3 === 1 ? [SALES.id] : [...both];
  return {
    id: generatedId(i),
    name: handle,
    realName: `${first} ${last}`,
    displayName: first,
    email: `${handle}@example.com`,
    title: '',
    deleted: false,
    isBot: false,
    ...plain,
    teams,
  };
}

const DEVICES: Record<string, SessionDevice> = {
  chromeMac: {
    device_hardware: 'Intel',
    os: 'OS X',
    os_version: '14.2.1',
    slack_client_version: '120.0.6099.109',
    ip: '',
  },
  firefoxLinux: {
    device_hardware: 'x86_64',
    os: 'Linux',
    os_version: '6.5',
    slack_client_version: '121.0',
    ip: '',
  },
  edgeWindows: {
    device_hardware: 'x64',
    os: 'Windows',
    os_version: '10.0.22631',
    slack_client_version: '120.0.2210.91',
    ip: '',
  },
  desktopWindows: {
    device_hardware: 'x64',
    os: 'Windows',
    os_version: '10.0.22631',
    slack_client_version: '4.36.140',
    ip: '',
  },
  desktopMac: {
    device_hardware: 'Apple M2',
    os: 'OS X',
    os_version: '14.2.1',
    slack_client_version: '4.36.140',
    ip: '',
  },
  iphone: {
    device_hardware: 'iPhone15,2',
    os: 'iOS',
    os_version: '17.2',
    slack_client_version: '23.12.10',
    ip: '',
  },
  android: {
    device_hardware: 'Pixel 8',
    os: 'Android',
    os_version: '14',
    slack_client_version: '23.12.10.0',
    ip: '',
  },
};

type SessionSeed = [
  userId: string,
  teamId: string,
  kind: SessionKind,
  device: keyof typeof DEVICES,
  sessionId?: bigint,
];

const NAMED_SESSIONS: SessionSeed[] = [
  [U.admin, ENG.id, 'web', 'chromeMac'],
  [U.admin, ENG.id, 'mobile', 'iphone'],
  [U.primaryOwner, ENG.id, 'desktop', 'desktopMac'],
  [U.primaryOwner, ENG.id, 'mobile', 'iphone'],
  [U.owner, SALES.id, 'web', 'edgeWindows'],
  [U.ada, ENG.id, 'web', 'chromeMac'],
  [U.ada, ENG.id, 'desktop', 'desktopWindows'],
  [U.ada, ENG.id, 'mobile', 'iphone'],
  [U.grace, ENG.id, 'web', 'firefoxLinux'],
  [U.grace, SALES.id, 'desktop', 'desktopMac'],
  [U.grace, SALES.id, 'mobile', 'android'],
  [U.someone, SALES.id, 'web', 'chromeMac'],
  [U.someone, SALES.id, 'mobile', 'android'],
  [U.longId, ENG.id, 'desktop', 'desktopWindows'],
  [U.longId, ENG.id, 'web', 'firefoxLinux', BigInt(SANDBOX.bigSessionId)],
];

/** Documentation addresses (RFC 5737) outside the range reserved for planted sessions. */
const ip = (n: number): string => `192.0.2.${(n % 250) + 1}`;

/** Stride keeps IDs ~13 digits and irregular-looking while staying unique and ordered. */
const sessionIdAt = (n: number): number => SANDBOX.firstSessionId + n * 7_331;

function session(
  n: number,
  [userId, teamId, kind, device, sessionId]: SessionSeed,
): ActiveSessionRecord {
  const base = DEVICES[device]!;
  return {
    user_id: userId,
    team_id: teamId,
    session_id: sessionId ?? sessionIdAt(n),
    created: { ...base, ip: ip(n) },
    recent: { ...base, ip: ip(n) },
    kind,
  };
}

function seedTokens(): TokenSpec[] {
  const admin = {
    env: 'commercial',
    kind: 'user',
    userId: U.admin,
    isAdmin: true,
    isPrimaryOwner: false,
  } as const;
  const T = SANDBOX.tokens;
  return [
    { ...admin, token: T.admin, scopes: [...ADMIN_SCOPES] },
    { ...admin, token: T.noScope, scopes: ADMIN_SCOPES.filter((s) => s !== 'admin.users:write') },
    {
      token: T.bot,
      env: 'commercial',
      kind: 'bot',
      userId: U.bot,
      scopes: ['users:read', 'users:read.email', 'chat:write'],
      isAdmin: false,
      isPrimaryOwner: false,
      botId: SANDBOX.botId,
    },
    {
      token: T.member,
      env: 'commercial',
      kind: 'user',
      userId: U.ada,
      scopes: [...ADMIN_SCOPES],
      isAdmin: false,
      isPrimaryOwner: false,
    },
    { ...admin, token: T.manyScopes, scopes: [...ADMIN_SCOPES, ...UNRELATED_SCOPES] },
    {
      token: T.primaryOwner,
      env: 'commercial',
      kind: 'user',
      userId: U.primaryOwner,
      scopes: [...ADMIN_SCOPES],
      isAdmin: true,
      isPrimaryOwner: true,
    },
    // GovSlack: the same org and people reached through slack-gov.com; only the token's env differs.
    { ...admin, env: 'gov', token: T.gov, scopes: [...ADMIN_SCOPES] },
    { ...admin, token: T.noEmail, scopes: ADMIN_SCOPES.filter((s) => s !== 'users:read.email') },
    { ...admin, token: T.noRead, scopes: ADMIN_SCOPES.filter((s) => s !== 'admin.users:read') },
    { ...admin, token: T.workspaceInstall, scopes: [...ADMIN_SCOPES], workspaceInstall: true },
  ];
}

/**
 * `orgSessions` generated sessions for more generated members (1 to 4 each, after the
 * `extraMembers` ones), in rounds: every member's first session, then every second one, …, so
 * one member's sessions lie far apart in the list, as they would in a real org.
 */
function addOrgSessions(
  members: Map<string, Member>,
  sessions: ActiveSessionRecord[],
  firstMember: number,
  count: number,
): void {
  const owners: Member[] = [];
  const counts: number[] = [];
  for (let left = count, i = firstMember; left > 0; i++) {
    const member = generatedMember(i);
    members.set(member.id, member);
    owners.push(member);
    counts.push(Math.min(left, sessionsPerMember(i)));
    left -= counts[counts.length - 1]!;
  }
  for (let round = 0, j = 0; j < count; round++) {
    for (let k = 0; k < owners.length; k++) {
      if (counts[k]! <= round) continue;
      const { id, teams } = owners[k]!;
      const n = sessions.length;
      sessions.push(generatedSession(j++, id, teams[round % teams.length]!, sessionIdAt(n)));
    }
  }
}

/**
 * A fresh copy of the seeded org: `extraMembers` generated people on top of the named ones,
 * then `orgSessions` generated sessions (and the members they belong to).
 */
export function seedOrg(extraMembers: number, orgSessions = 0): Org {
  const members = new Map<string, Member>();
  for (const seed of NAMED) {
    members.set(seed.id, {
      displayName: seed.realName.split(' ')[0]!,
      title: '',
      deleted: false,
      isBot: false,
      ...seed,
      teams: [...seed.teams],
    });
  }
  const sessionSeeds: SessionSeed[] = [...NAMED_SESSIONS];
  const webDevices = ['chromeMac', 'firefoxLinux', 'edgeWindows'] as const;
  for (let i = 0; i < extraMembers; i++) {
    const member = generatedMember(i);
    members.set(member.id, member);
    sessionSeeds.push([member.id, member.teams[0]!, 'web', webDevices[i % webDevices.length]!]);
  }
  const sessions = sessionSeeds.map((s, n) => session(n, s));
  addOrgSessions(members, sessions, extraMembers, orgSessions);
  return {
    enterprise: {
      id: SANDBOX.enterprise.id,
      name: SANDBOX.enterprise.name,
      domain: SANDBOX.enterprise.domain,
    },
    workspaces: [{ ...ENG }, { ...SALES }],
    members,
    sessions,
    tokens: new Map(seedTokens().map((t) => [t.token, { ...t, scopes: [...t.scopes] }])),
    sessionSettings: new Map(),
  };
}

/** Org URL as `auth.test` reports it for a token of that environment. */
export function orgUrl(org: Org, env: 'commercial' | 'gov'): string {
  return `https://${org.enterprise.domain}.enterprise.${env === 'gov' ? 'slack-gov.com' : 'slack.com'}/`;
}

/** Account type label, as the admin pages show it. */
export function accountType(member: Member): string {
  if (member.deleted) return 'Deactivated';
  if (member.isBot) return 'Bot';
  if (member.isPrimaryOwner) return 'Primary Owner';
  if (member.isOwner) return 'Owner';
  if (member.isAdmin) return 'Admin';
  return 'Member';
}

/** Slack's user object (`users.info`, `users.lookupByEmail`); email only with users:read.email. */
export function toUserObject(
  org: Org,
  member: Member,
  withEmail: boolean,
): Record<string, unknown> {
  const profile: Record<string, unknown> = {
    real_name: member.realName,
    real_name_normalized: member.realName,
    display_name: member.displayName,
    display_name_normalized: member.displayName,
    title: member.title,
    team: member.teams[0] ?? org.enterprise.id,
  };
  if (withEmail && member.email) profile.email = member.email;
  if (member.botId) profile.bot_id = member.botId;
  return {
    id: member.id,
    team_id: member.teams[0] ?? org.enterprise.id,
    name: member.name,
    deleted: member.deleted,
    real_name: member.realName,
    tz: 'America/Los_Angeles',
    is_admin: member.isAdmin,
    is_owner: member.isOwner,
    is_primary_owner: member.isPrimaryOwner,
    is_restricted: false,
    is_ultra_restricted: false,
    is_bot: member.isBot,
    is_app_user: false,
    updated: 1_700_000_000,
    profile,
    enterprise_user: {
      id: member.id,
      enterprise_id: org.enterprise.id,
      enterprise_name: org.enterprise.name,
      is_admin: member.isAdmin,
      is_owner: member.isOwner,
      is_primary_owner: member.isPrimaryOwner,
      teams: [...member.teams],
    },
  };
}
