import type { MemberView } from './messages';

/** "Ada Lovelace (U0123ABCD)", or the bare ID when Slack gave no name. */
export function memberLabel(member: MemberView): string {
  return member.name ? `${member.name} (${member.userId})` : member.userId;
}

/** Said of a write whose first attempt timed out, so that it was sent twice. */
export const RESENT_NOTE =
  'Slack did not answer in time at first, so the request was sent a second time.';
