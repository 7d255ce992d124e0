/** Looking a member up in the active org. */
import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { orgAccess } from '../../../core/background/slack-access';
import { parseUserRef } from '../../../shared/ids';
import type { memberRequests } from '../messages';
import { knownRefusal } from '../model';
import { resolveMember } from './members';

export const memberHandlers: HandlersFor<typeof memberRequests> = {
  'ui/member/resolve': async ({ input }) => {
    const ref = parseUserRef(input);
    if (!ref.ok) throw new ActionError('invalid_input', ref.message);
    const access = await orgAccess();
    const member = await resolveMember(access.client, access.org.teamId, ref.value);
    return { ...member, tokenId: access.org.id, refusal: knownRefusal(member, access.org.userId) };
  },
};
