/** Naming a request's members (and finding e-mail addresses) in the org that will act. */
import { toReplyError } from '../../../core/background/errors';
import type { OrgAccess } from '../../../core/background/slack-access';
import { describeUserRef } from '../../../shared/ids';
import { resolveMember } from '../../members/background/members';
import { knownRefusal, memberLabel } from '../../members/model';
import type { PendingConfirmation } from './store';

const NOT_FOUND = new Set(['users_not_found', 'user_not_found']);

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
      target.refusal = knownRefusal(member, access.org.userId);
    } catch (error) {
      const { code, message } = toReplyError(error);
      if (NOT_FOUND.has(code)) {
        target.label = describeUserRef(target.ref);
        target.refusal = { kind: 'not-found', reason: message };
      } else {
        target.label = `${describeUserRef(target.ref)} — ${message}`;
      }
    }
  }
}
