/** A member's session as every context may see it. */
import type { SessionId } from '../../shared/ids';

export interface SessionView {
  sessionId: SessionId;
  teamId: string;
  /** Hardware and OS, from the most recent use. */
  device?: string;
  os?: string;
  clientVersion?: string;
  /** Slack reports device details at sign-in ("created") and at last use ("recent"). */
  lastSeenIp?: string;
  createdIp?: string;
}
