/** A member as every context may see them: what Slack said, never a token. */

import { t } from '../../shared/i18n';
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
  if (member.deleted) return t('member_typeDeactivated');
  if (member.isBot) return t('member_typeBot');
  if (member.isPrimaryOwner) return t('member_typePrimaryOwner');
  if (member.isOwner) return t('member_typeOwner');
  if (member.isAdmin) return t('member_typeAdmin');
  return t('member_typeMember');
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
  'primary-owner': t('member_refusedPrimaryOwner'),
  bot: t('member_refusedBot'),
  deactivated: t('member_refusedDeactivated'),
  self: t('member_refusedSelf'),
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
