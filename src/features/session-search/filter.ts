/**
 * Filtering and grouping the org's loaded sessions, fast enough to rerun on every keystroke
 * over 100,000 of them. Each page of rows is read once into an index: IPs parsed and
 * shared, device texts lower-cased and shared, members and client versions numbered. A filter
 * pass then touches numbers, and works out each distinct member or device text only once.
 */
import { parseUserId } from '../../shared/ids';
import {
  formatIp,
  type IpMatcher,
  matchesParsed,
  type ParsedIp,
  parseIp,
  parseIpRanges,
} from '../../shared/ip';
import { parsedOk as ok, type Parsed } from '../../shared/parsed';
import type { DeviceView, SessionRow } from './model';

export interface SessionFilters {
  /** Addresses and CIDR ranges; a session matches if its created or recent IP is in one. */
  ip: string;
  /** A user ID, or part of one, of a known name or of a known e-mail address. */
  member: string;
  /** Words each found in the device's hardware, OS, OS version or client version. */
  device: string;
  /** Only sessions whose IP now differs from the one they signed in from. */
  ipChanged: boolean;
  /** A teamId, or '' for every workspace. */
  workspace: string;
}

/** Names and e-mails known so far: the page looks them up lazily, so most are unknown. */
export interface MemberNames {
  nameOf(userId: string): string | undefined;
  emailOf(userId: string): string | undefined;
}

export interface Group {
  value: string;
  count: number;
}

export interface SessionGroups {
  byIp: Group[];
  byMember: Group[];
  byClient: Group[];
}

/** Loaded sessions plus what was worked out from each, column by column (`-1`: none). */
export interface SessionIndex {
  readonly rows: SessionRow[];
  readonly size: number;
  /** Appends one loaded page. */
  add(rows: readonly SessionRow[]): void;
  readonly users: readonly string[];
  readonly userOf: readonly number[];
  /** A member's number in `users`, if they have a loaded session. */
  userNumber(userId: string): number | undefined;
  readonly teams: readonly string[];
  readonly teamOf: readonly number[];
  /** Distinct addresses, equal ones (mapped, compressed or not) sharing one entry. */
  readonly ips: readonly ParsedIp[];
  readonly ipTexts: readonly string[];
  readonly createdIpOf: readonly number[];
  readonly recentIpOf: readonly number[];
  /** 1 when both IPs are known and differ. */
  readonly changedOf: readonly number[];
  /** Lower-cased device fields of created and recent, one per line. */
  readonly devices: readonly string[];
  readonly deviceOf: readonly number[];
  readonly clients: readonly string[];
  /** The client version now: recent, else created. */
  readonly clientOf: readonly number[];
}

interface DeviceWord {
  text: string;
  /** Digits and dots: found only where it is not part of a longer number (see `hasWord`). */
  version: boolean;
}

export interface CompiledFilter {
  /** Some filter narrows the list: without one every row matches. */
  readonly active: boolean;
  readonly workspace: string;
  readonly ip: IpMatcher;
  /** Lower-cased member text, '' when off. */
  readonly member: string;
  /** The member text read as a user ID, if it is one. */
  readonly memberId: string | undefined;
  readonly device: readonly DeviceWord[];
  readonly ipChanged: boolean;
  readonly names: MemberNames;
}

/** Numbers distinct values in first-seen order. */
class Numbering {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }
}

function deviceText(created: DeviceView | undefined, recent: DeviceView | undefined): string {
  const fields: string[] = [];
  for (const view of [created, recent]) {
    if (!view) continue;
    for (const field of [view.deviceHardware, view.os, view.osVersion, view.slackClientVersion]) {
      if (typeof field !== 'string') continue;
      const text = field.trim().toLowerCase();
      if (text !== '' && !fields.includes(text)) fields.push(text);
    }
  }
  return fields.join('\n');
}

/** The device fields as they came, cheap to build: most sessions repeat one of a few devices. */
function deviceKey(created: DeviceView | undefined, recent: DeviceView | undefined): string {
  const c = created ?? {};
  const r = recent ?? {};
  return `${c.deviceHardware}\t${c.os}\t${c.osVersion}\t${c.slackClientVersion}\t${r.deviceHardware}\t${r.os}\t${r.osVersion}\t${r.slackClientVersion}`;
}

function clientText(view: DeviceView | undefined): string | undefined {
  const text = view?.slackClientVersion;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

export function createSessionIndex(): SessionIndex {
  const rows: SessionRow[] = [];
  const users = new Numbering();
  const teams = new Numbering();
  const devices = new Numbering();
  const clients = new Numbering();
  const ipTexts = new Numbering();
  const ips: ParsedIp[] = [];
  // Raw text → entry, so each address text Slack repeats is parsed once (-1: not an address).
  const ipOfText = new Map<string, number>();
  const deviceOfKey = new Map<string, number>();
  const userOf: number[] = [];
  const teamOf: number[] = [];
  const createdIpOf: number[] = [];
  const recentIpOf: number[] = [];
  const changedOf: number[] = [];
  const deviceOf: number[] = [];
  const clientOf: number[] = [];

  const ipId = (text: string | undefined): number => {
    if (typeof text !== 'string' || text === '') return -1;
    let id = ipOfText.get(text);
    if (id === undefined) {
      const ip = parseIp(text);
      id = ip ? ipTexts.idOf(formatIp(ip)) : -1;
      if (ip && id === ips.length) ips.push(ip);
      ipOfText.set(text, id);
    }
    return id;
  };

  return {
    rows,
    get size() {
      return rows.length;
    },
    users: users.values,
    userOf,
    userNumber: (userId) => users.find(userId),
    teams: teams.values,
    teamOf,
    ips,
    ipTexts: ipTexts.values,
    createdIpOf,
    recentIpOf,
    changedOf,
    devices: devices.values,
    deviceOf,
    clients: clients.values,
    clientOf,
    add(page) {
      for (const row of page) {
        rows.push(row);
        userOf.push(users.idOf(row.userId));
        teamOf.push(teams.idOf(row.teamId));
        const created = ipId(row.created?.ip);
        // Most sessions never move: skip the second look-up.
        const recentText = row.recent?.ip;
        const recent = recentText === row.created?.ip ? created : ipId(recentText);
        createdIpOf.push(created);
        recentIpOf.push(recent);
        changedOf.push(created !== -1 && recent !== -1 && created !== recent ? 1 : 0);
        const key = deviceKey(row.created, row.recent);
        let device = deviceOfKey.get(key);
        if (device === undefined) {
          device = devices.idOf(deviceText(row.created, row.recent));
          deviceOfKey.set(key, device);
        }
        deviceOf.push(device);
        const client = clientText(row.recent) ?? clientText(row.created);
        clientOf.push(client === undefined ? -1 : clients.idOf(client));
      }
    },
  };
}

const VERSION_WORD = /^[0-9][0-9.]*$/;

/**
 * Fails only when the IP text is not a list of addresses and ranges; every other text is a
 * search. Blank texts are ignored, and the rest combine with AND.
 */
export function compileFilters(
  filters: SessionFilters,
  names: MemberNames,
): Parsed<CompiledFilter> {
  const ip = parseIpRanges(filters.ip);
  if (!ip.ok) return ip;
  const memberText = filters.member.trim();
  const memberId = memberText === '' ? undefined : parseUserId(memberText);
  const device = filters.device
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((text) => ({ text, version: VERSION_WORD.test(text) }));
  const workspace = filters.workspace.trim();
  return ok({
    active:
      !ip.value.empty ||
      memberText !== '' ||
      device.length > 0 ||
      filters.ipChanged ||
      workspace !== '',
    workspace,
    ip: ip.value,
    member: memberText.toLowerCase(),
    memberId: memberId?.ok ? memberId.value : undefined,
    device,
    ipChanged: filters.ipChanged,
    names,
  });
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A version-like word (digits and dots) must not be part of a longer number: `4.33` is found
 * in `4.33.73` and `slack 4.33.1` but not in `14.33.0` or `4.331`, so typing a version finds
 * that version, not every one that happens to contain its digits. Other words are substrings.
 */
function hasWord(haystack: string, word: DeviceWord): boolean {
  if (!word.version) return haystack.includes(word.text);
  const endsInDigit = isDigit(word.text.charCodeAt(word.text.length - 1));
  for (let at = haystack.indexOf(word.text); at !== -1; at = haystack.indexOf(word.text, at + 1)) {
    if (at > 0 && isDigit(haystack.charCodeAt(at - 1))) continue;
    if (endsInDigit && isDigit(haystack.charCodeAt(at + word.text.length))) continue;
    return true;
  }
  return false;
}

function memberMatches(userId: string, compiled: CompiledFilter): boolean {
  const text = compiled.member;
  if (userId.toLowerCase().includes(text)) return true;
  const name = compiled.names.nameOf(userId);
  if (name?.toLowerCase().includes(text)) return true;
  const email = compiled.names.emailOf(userId);
  return email?.toLowerCase().includes(text) === true;
}

// Per distinct member or device text, worked out on first use within one pass.
const UNKNOWN = 0;
const YES = 1;
const NO = 2;

/** Indices into `index.rows` of the sessions that pass every filter, in load order. */
export function filterSessions(index: SessionIndex, compiled: CompiledFilter): Uint32Array {
  const size = index.size;
  if (!compiled.active) {
    const all = new Uint32Array(size);
    for (let i = 0; i < size; i++) all[i] = i;
    return all;
  }
  const { userOf, teamOf, createdIpOf, recentIpOf, changedOf, deviceOf, ips } = index;
  const { ipChanged, device, ip } = compiled;
  const workspaceActive = compiled.workspace !== '';
  const team = workspaceActive ? index.teams.indexOf(compiled.workspace) : -1;
  const ipActive = !ip.empty;
  const memberActive = compiled.member !== '';
  const deviceActive = device.length > 0;
  // A whole user ID picks out that member alone; one not loaded may be half of a longer one.
  const exactUser =
    compiled.memberId === undefined ? undefined : index.userNumber(compiled.memberId);
  const memberSeen = new Uint8Array(memberActive ? index.users.length : 0);
  const deviceSeen = new Uint8Array(deviceActive ? index.devices.length : 0);
  // Far fewer distinct addresses than sessions: each is tested once, rows then look it up.
  const ipSeen = new Uint8Array(ipActive ? ips.length : 0);
  const inRange = (id: number): boolean => {
    if (id === -1) return false;
    let seen = ipSeen[id]!;
    if (seen === UNKNOWN) {
      seen = matchesParsed(ip, ips[id]) ? YES : NO;
      ipSeen[id] = seen;
    }
    return seen === YES;
  };

  const out = new Uint32Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    if (workspaceActive && teamOf[i] !== team) continue;
    if (ipChanged && changedOf[i] !== 1) continue;
    if (ipActive) {
      if (!inRange(createdIpOf[i]!) && !inRange(recentIpOf[i]!)) continue;
    }
    if (memberActive) {
      const user = userOf[i]!;
      if (exactUser !== undefined) {
        if (user !== exactUser) continue;
      } else {
        let seen = memberSeen[user]!;
        if (seen === UNKNOWN) {
          seen = memberMatches(index.users[user]!, compiled) ? YES : NO;
          memberSeen[user] = seen;
        }
        if (seen === NO) continue;
      }
    }
    if (deviceActive) {
      const id = deviceOf[i]!;
      let seen = deviceSeen[id]!;
      if (seen === UNKNOWN) {
        const haystack = index.devices[id]!;
        seen = device.every((word) => hasWord(haystack, word)) ? YES : NO;
        deviceSeen[id] = seen;
      }
      if (seen === NO) continue;
    }
    out[count++] = i;
  }
  return out.slice(0, count);
}

/** The `top` most frequent values, biggest count first, ties by value (code-unit order). */
function topGroups(counts: Uint32Array, values: readonly string[], top: number): Group[] {
  const best: Group[] = [];
  if (top <= 0) return best;
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id]!;
    if (count === 0) continue;
    const last = best[best.length - 1];
    if (
      best.length === top &&
      last &&
      (count < last.count || (count === last.count && values[id]! > last.value))
    )
      continue;
    const value = values[id]!;
    let at = best.length;
    while (at > 0) {
      const above = best[at - 1]!;
      if (above.count > count || (above.count === count && above.value < value)) break;
      at--;
    }
    best.splice(at, 0, { value, count });
    if (best.length > top) best.pop();
  }
  return best;
}

/**
 * Matching sessions counted by IP now (recent, else created), by member and by client
 * version now; sessions without the value are left out of that grouping.
 */
export function groupMatches(index: SessionIndex, matches: Uint32Array, top = 10): SessionGroups {
  const byIp = new Uint32Array(index.ipTexts.length);
  const byMember = new Uint32Array(index.users.length);
  const byClient = new Uint32Array(index.clients.length);
  const { createdIpOf, recentIpOf, userOf, clientOf } = index;
  for (let k = 0; k < matches.length; k++) {
    const i = matches[k]!;
    const recent = recentIpOf[i]!;
    const ip = recent !== -1 ? recent : createdIpOf[i]!;
    if (ip !== -1) byIp[ip]!++;
    byMember[userOf[i]!]!++;
    const client = clientOf[i]!;
    if (client !== -1) byClient[client]!++;
  }
  return {
    byIp: topGroups(byIp, index.ipTexts, top),
    byMember: topGroups(byMember, index.users, top),
    byClient: topGroups(byClient, index.clients, top),
  };
}

/** Distinct members among the matching sessions. */
export function countMembers(index: SessionIndex, matches: Uint32Array): number {
  const seen = new Uint8Array(index.users.length);
  const userOf = index.userOf;
  let count = 0;
  for (let k = 0; k < matches.length; k++) {
    const user = userOf[matches[k]!]!;
    if (seen[user] === 0) {
      seen[user] = 1;
      count++;
    }
  }
  return count;
}
