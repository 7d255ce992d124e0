/** Naming a request's members (and finding e-mail addresses) in the org that will act. */
import { toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { describeUserRef } from '../../../shared/ids';
import { resolveMember } from '../../members/background/members';
import { memberLabel } from '../../members/model';
import type { PendingConfirmation } from './store';

export async function nameTargets(pending: PendingConfirmation, access: OrgAccess): Promise<void> {
  for (const target of pending.targets) {
    try {
      const member = await resolveMember(access.client, access.org.teamId, target.ref);
      target.userId = member.userId;
      target.resolved = true;
      target.label =
        member.email && target.ref.kind === 'email'
          ? `${memberLabel(member)} <${member.email}>`
          : memberLabel(member);
    } catch (error) {
      target.label = `${describeUserRef(target.ref)} — ${toReplyError(error).message}`;
    }
  }
}
