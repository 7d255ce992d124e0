// The `orgSessions` crowd: many ordinary sessions for org-wide searches to wade through.
// Everything follows from an index through a hash, never from randomness, so every start is
// the same. Nothing here uses what planted sessions own (see SANDBOX.planted): no 4.33.x
// client, no 203.0.113.0/24 or 2001:db8:bad::/48 address, no recent IP unlike the created one.

import type { ActiveSessionRecord, SessionDevice, SessionKind } from './types';

interface Profile {
  kind: SessionKind;
  hardware: readonly string[];
  os: string;
  osVersions: readonly string[];
  clients: readonly string[];
}

const DESKTOP = ['4.41.105', '4.40.128', '4.39.95', '4.38.125'];
const MOBILE = ['23.11.10', '24.02.20', '24.04.10', '24.05.30'];
// Web sessions report the browser's version, as Slack's do.
const BROWSER = ['124.0.6367.91', '125.0.6422.60', '126.0.6478.56'];

const PROFILES: readonly Profile[] = [
  {
    kind: 'desktop',
    hardware: ['Apple M2', 'Apple M1', 'Apple M3', 'Intel'],
    os: 'OS X',
    osVersions: ['13.6.7', '14.4.1', '14.5'],
    clients: DESKTOP,
  },
  {
    kind: 'desktop',
    hardware: ['Intel', 'x64'],
    os: 'Windows',
    osVersions: ['10.0.19045', '10.0.22631'],
    clients: DESKTOP,
  },
  {
    kind: 'desktop',
    hardware: ['x86_64'],
    os: 'Linux',
    osVersions: ['6.5', '6.8'],
    clients: DESKTOP,
  },
  {
    kind: 'web',
    hardware: ['Intel', 'Apple M2'],
    os: 'OS X',
    osVersions: ['14.4.1'],
    clients: BROWSER,
  },
  { kind: 'web', hardware: ['x64'], os: 'Windows', osVersions: ['10.0.22631'], clients: BROWSER },
  {
    kind: 'mobile',
    hardware: ['iPhone', 'iPad'],
    os: 'iOS',
    osVersions: ['16.7.8', '17.4.1', '17.5.1'],
    clients: MOBILE,
  },
  {
    kind: 'mobile',
    hardware: ['Pixel 8', 'Samsung Galaxy', 'Pixel 7'],
    os: 'Android',
    osVersions: ['13', '14'],
    clients: MOBILE,
  },
];

/** A 32-bit integer hash (murmur3's finaliser): neighbouring indexes get unrelated values. */
export function mix(n: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const pick = <T>(list: readonly T[], bits: number): T => list[bits % list.length]!;

/** Mostly IPv4 from 198.51.100.0/24 and 192.0.2.0/24, some IPv6 from 2001:db8:1::/48. */
function address(j: number, h: number): string {
  const family = (h >>> 20) % 20;
  if (family < 3)
    return `2001:db8:1:${(((h >>> 8) % 0xfffe) + 1).toString(16)}::${((j % 0xfffe) + 1).toString(16)}`;
  const host = ((h >>> 12) % 254) + 1;
  return family < 12 ? `198.51.100.${host}` : `192.0.2.${host}`;
}

/** The j-th generated session. About 1 in 47 has no `recent`; about 1 in 401 has an empty ip. */
export function generatedSession(
  j: number,
  userId: string,
  teamId: string,
  sessionId: number,
): ActiveSessionRecord {
  const h = mix(j);
  const profile = pick(PROFILES, h);
  const created: SessionDevice = {
    device_hardware: pick(profile.hardware, h >>> 3),
    os: profile.os,
    os_version: pick(profile.osVersions, h >>> 6),
    slack_client_version: pick(profile.clients, h >>> 9),
    ip: j % 401 === 13 ? '' : address(j, h),
  };
  const record: ActiveSessionRecord = {
    user_id: userId,
    team_id: teamId,
    session_id: sessionId,
    created,
    kind: profile.kind,
  };
  // Never moved: the recent device is the created one.
  if (j % 47 !== 5) record.recent = { ...created };
  return record;
}

/** How many sessions the i-th generated member has: 1 to 4. */
export const sessionsPerMember = (i: number): number => 1 + (mix(i + 0x5eed) % 4);
