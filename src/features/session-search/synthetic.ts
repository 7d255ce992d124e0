/**
 * Made-up org sessions, the same for the same seed: for benchmarks, perf tests and UI tests
 * that need a big, varied org without a Slack. Mixes IPv4, IPv6 and mapped addresses, several
 * devices and client versions, sessions missing their created or recent view, and moved IPs.
 */
import type { SessionId, UserId } from '../../shared/ids';
import type { DeviceView, SessionRow } from './model';

export const SYNTHETIC_TEAMS = ['T0SBXENG01', 'T0SBXSAL02'] as const;

const DEVICES: readonly Omit<DeviceView, 'ip' | 'slackClientVersion'>[] = [
  { deviceHardware: 'iPhone15,2', os: 'iOS', osVersion: '17.4.1' },
  { deviceHardware: 'iPhone12,1', os: 'iOS', osVersion: '16.7.8' },
  { deviceHardware: 'iPad13,4', os: 'iPadOS', osVersion: '17.5' },
  { deviceHardware: 'Pixel 8', os: 'Android', osVersion: '14' },
  { deviceHardware: 'SM-S918B', os: 'Android', osVersion: '13' },
  { deviceHardware: 'MacBookPro18,3', os: 'macOS', osVersion: '14.4.1' },
  { deviceHardware: 'Mac14,2', os: 'macOS', osVersion: '13.6' },
  { deviceHardware: 'Windows PC', os: 'Windows', osVersion: '10.0.22631' },
  { deviceHardware: 'Windows PC', os: 'Windows', osVersion: '10.0.19045' },
  { deviceHardware: 'Linux PC', os: 'Linux', osVersion: '6.5.0' },
  { os: 'Chrome OS', osVersion: '124.0' },
];

const DESKTOP_CLIENTS = ['4.33.73', '4.36.140', '4.38.121', '4.41.105', '14.33.0'];
const MOBILE_CLIENTS = ['23.12.10', '24.03.20', '24.05.10'];

/** mulberry32: small, fast and plenty random for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticIp(next: () => number): string {
  const roll = next();
  const a = Math.floor(next() * 256);
  const b = Math.floor(next() * 256);
  if (roll < 0.3) return `203.0.113.${a}`;
  if (roll < 0.5) return `198.51.100.${a}`;
  if (roll < 0.65) return `10.${20 + (a % 4)}.${b}.${Math.floor(next() * 256)}`;
  if (roll < 0.7) return `::ffff:192.0.2.${a}`;
  if (roll < 0.85) return `2001:db8:${(a % 3) + 1}::${b.toString(16)}`;
  return `2001:db8:${(a % 3) + 1}:${b.toString(16)}::${Math.floor(next() * 65536).toString(16)}`;
}

function userId(n: number): UserId {
  return `W0SYN${n.toString(36).toUpperCase().padStart(6, '0')}` as UserId;
}

/** `count` sessions of about count / 3 members, deterministic for a given `seed`. */
export function syntheticSessions(count: number, seed = 1): SessionRow[] {
  const next = random(seed);
  const members = Math.max(1, Math.ceil(count / 3));
  const rows: SessionRow[] = [];
  for (let i = 0; i < count; i++) {
    const device = DEVICES[Math.floor(next() * DEVICES.length)]!;
    const mobile = device.os === 'iOS' || device.os === 'iPadOS' || device.os === 'Android';
    const clients = mobile ? MOBILE_CLIENTS : DESKTOP_CLIENTS;
    const createdClient = clients[Math.floor(next() * clients.length)]!;
    const createdIp = syntheticIp(next);
    const created: DeviceView = { ...device, slackClientVersion: createdClient, ip: createdIp };
    const moved = next() < 0.15;
    const upgraded = next() < 0.1;
    const recent: DeviceView = {
      ...device,
      slackClientVersion: upgraded ? clients[clients.length - 1] : createdClient,
      ip: moved ? syntheticIp(next) : createdIp,
    };
    const shape = next();
    const row: SessionRow = {
      userId: userId(Math.floor(next() * members)),
      teamId: SYNTHETIC_TEAMS[i % 7 === 0 ? 1 : 0],
      sessionId: String(1_100_000_000_000 + i * 7919) as SessionId,
    };
    if (shape >= 0.05) row.created = created;
    if (shape < 0.9 || shape >= 0.95) row.recent = recent;
    if (shape >= 0.97) delete (row.recent ?? created).ip;
    rows.push(row);
  }
  return rows;
}
