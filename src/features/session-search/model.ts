/** Org-wide sessions as the Sessions page holds them: pure types, shared by page and background. */
import type { SessionId, UserId } from '../../shared/ids';

/** What Slack reports of a device, at sign-in (`created`) or at last use (`recent`). */
export interface DeviceView {
  deviceHardware?: string;
  os?: string;
  osVersion?: string;
  slackClientVersion?: string;
  ip?: string;
}

/** One active session of the org, as listed by admin.users.session.list. */
export interface SessionRow {
  userId: UserId;
  /** A workspace `T…` ID, or the organization's `E…` ID. */
  teamId: string;
  /** An exact digit string, never a Number. */
  sessionId: SessionId;
  created?: DeviceView;
  recent?: DeviceView;
}

/** One page of the org's sessions; `nextCursor` absent on the last one. */
export interface SessionsPageView {
  sessions: SessionRow[];
  nextCursor?: string;
  /** Items Slack sent without a usable session or user ID: they cannot be acted on. */
  skipped: number;
}

/** Sessions are told apart by workspace and ID: the same ID is never reused within one. */
export function sessionKey(session: Pick<SessionRow, 'teamId' | 'sessionId'>): string {
  return `${session.teamId}:${session.sessionId}`;
}
