/** A member as every context may see them: what Slack said, never a token. */
import type { UserId } from '../../shared/ids';

export interface MemberView {
  userId: UserId;
  name?: string;
  email?: string;
  teamId?: string;
  /** Workspaces of an Enterprise member (session lists are per workspace). */
  teams: string[];
  isBot: boolean;
  isPrimaryOwner: boolean;
  deleted: boolean;
}

/** A member as a UI showed them: with the saved org they were looked up in. */
export type ShownMember = MemberView & { tokenId: string };

/** "Ada Lovelace (U0123ABCD)", or the bare ID when Slack gave no name. */
export function memberLabel(member: MemberView): string {
  return member.name ? `${member.name} (${member.userId})` : member.userId;
}
