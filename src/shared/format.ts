import type { MemberView } from './messages';

/** "Ada Lovelace (U0123ABCD)", or the bare ID when Slack gave no name. */
export function memberLabel(member: MemberView): string {
  return member.name ? `${member.name} (${member.userId})` : member.userId;
}
