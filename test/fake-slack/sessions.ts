// Sessions a test plants among the seeded ones, and the list of what is still active, so a
// test can check that exactly the sessions it meant were ended.

import { SANDBOX } from './org';
import type { ActiveSessionRecord, Org, SessionDevice, SessionKind } from './types';

/** One session to plant. Device fields use Slack's wire names (snake_case). */
export interface PlantSpec {
  /** An existing member of `teamId`. */
  userId: string;
  teamId: string;
  /** Over a desktop default: Apple M2, OS X 14.4.1, client 4.41.105, a 198.51.100.x IP. */
  created?: Partial<SessionDevice>;
  /** Over `created`; null leaves `recent` out, as Slack sometimes does. Default: as created. */
  recent?: Partial<SessionDevice> | null;
  /** Default: mobile for iOS and Android, else desktop. */
  kind?: SessionKind;
  /**
   * Index in the org's session list once planted: with sessionPageSize S (and no smaller
   * `limit`), position p is on page floor(p / S) + 1. Past the end appends. Default: spread
   * evenly over the list.
   */
  position?: number;
}

/** Every active session, IDs as digit strings (exact past 2^53). */
export interface SessionRef {
  teamId: string;
  userId: string;
  sessionId: string;
}

export function activeSessionRefs(org: Org): SessionRef[] {
  return org.sessions.map((s) => ({
    teamId: s.team_id,
    userId: s.user_id,
    sessionId: String(s.session_id),
  }));
}

function checkSpec(org: Org, spec: PlantSpec): void {
  const member = org.members.get(spec?.userId);
  if (!member) throw new Error(`plantSessions: no member ${spec?.userId}`);
  if (!member.teams.includes(spec.teamId))
    throw new Error(`plantSessions: ${spec.userId} is not in workspace ${spec.teamId}`);
  const { position } = spec;
  if (position !== undefined && !(Number.isInteger(position) && position >= 0))
    throw new Error('plantSessions: position must be a non-negative integer');
  if (spec.kind !== undefined && !['web', 'desktop', 'mobile'].includes(spec.kind))
    throw new Error("plantSessions: kind must be 'web', 'desktop' or 'mobile'");
}

/**
 * Inserts the sessions; `first` numbers the first of them (IDs follow from it). Returns their
 * IDs in the order given. Either all are planted or, on a bad spec, none.
 */
export function plantSessions(org: Org, specs: PlantSpec[], first: number): string[] {
  if (!Array.isArray(specs)) throw new Error('plantSessions: expected a list');
  for (const spec of specs) checkSpec(org, spec);
  const total = org.sessions.length + specs.length;
  const placed = specs.map((spec, i) => {
    const k = first + i;
    const created: SessionDevice = {
      device_hardware: 'Apple M2',
      os: 'OS X',
      os_version: '14.4.1',
      slack_client_version: '4.41.105',
      ip: `198.51.100.${(k % 250) + 1}`,
      ...spec.created,
    };
    const record: ActiveSessionRecord = {
      user_id: spec.userId,
      team_id: spec.teamId,
      session_id: SANDBOX.firstPlantedSessionId + k * 7_331,
      created,
      kind: spec.kind ?? (created.os === 'iOS' || created.os === 'Android' ? 'mobile' : 'desktop'),
    };
    if (spec.recent !== null) record.recent = { ...created, ...spec.recent };
    const spread = Math.floor(((i + 1) * total) / (specs.length + 1));
    return { record, position: spec.position ?? spread };
  });
  // Inserted from the lowest position up, each lands where asked; ties keep the order given.
  const sessions = [...org.sessions];
  let last = -1;
  for (const { record, position } of [...placed].sort((a, b) => a.position - b.position)) {
    last = Math.min(Math.max(position, last + 1), sessions.length);
    sessions.splice(last, 0, record);
  }
  // A new array, like every other change to the list: callers may hold the old one.
  org.sessions = sessions;
  return placed.map(({ record }) => String(record.session_id));
}
