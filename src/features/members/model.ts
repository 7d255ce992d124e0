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
  /** Org-level roles, when Slack said. */
  isOwner?: boolean;
  isAdmin?: boolean;
}

/** The account type a responder checks first: who this is before acting on them. */
export function accountType(member: MemberView): string {
  if (member.deleted) return 'Deactivated account';
  if (member.isBot) return 'Bot';
  if (member.isPrimaryOwner) return 'Primary owner';
  if (member.isOwner) return 'Org owner';
  if (member.isAdmin) return 'Org admin';
  return 'Member';
}

/** A member as a UI showed them: with the saved org they were looked up in. */
export type ShownMember = MemberView & { tokenId: string };

/** "Ada Lovelace (U0123ABCD)", or the bare ID when Slack gave no name. */
export function memberLabel(member: MemberView): string {
  return member.name ? `${member.name} (${member.userId})` : member.userId;
}
