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

/**
 * A member as a UI showed them: with the saved org they were looked up in, and what is known
 * of how Slack would answer a reset of them.
 */
export type ShownMember = MemberView & { tokenId: string; refusal?: KnownRefusal };

/** "Ada Lovelace (U0123ABCD)", or the bare ID when Slack gave no name. */
export function memberLabel(member: MemberView): string {
  return member.name ? `${member.name} (${member.userId})` : member.userId;
}

/**
 * Why Slack will refuse (or the admin would not mean) a reset of this member, known before
 * anything is sent. `self` is the only one an admin may still choose, with an explicit tick.
 */
export type RefusalKind = 'primary-owner' | 'bot' | 'deactivated' | 'not-found' | 'self';

export interface KnownRefusal {
  kind: RefusalKind;
  /** A sentence: what this member is and why nothing is sent for them. */
  reason: string;
}

export const REFUSAL_REASON: Record<Exclude<RefusalKind, 'not-found'>, string> = {
  'primary-owner':
    'Primary owner: Slack lets only the primary owner sign themselves out, so Slack would refuse it.',
  bot: 'Bot user: bots have no sessions to sign out, so Slack would refuse it.',
  deactivated: 'Deactivated account: it has no sessions to end, so there is nothing to sign out.',
  self: 'This is you, the admin whose token acts: it would also sign you out of Slack everywhere it applies.',
};

/** What is known of a member before a reset: only facts Slack told, never a guess. */
export function knownRefusal(
  member: MemberView,
  ownUserId: string | undefined,
): KnownRefusal | undefined {
  // Yourself first: the primary owner may sign themselves out (Slack allows only them).
  const kind: RefusalKind | undefined =
    ownUserId !== undefined && member.userId === ownUserId
      ? 'self'
      : member.isPrimaryOwner
        ? 'primary-owner'
        : member.isBot
          ? 'bot'
          : member.deleted
            ? 'deactivated'
            : undefined;
  return kind ? { kind, reason: REFUSAL_REASON[kind] } : undefined;
}
