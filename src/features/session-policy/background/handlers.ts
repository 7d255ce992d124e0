/** A member's session policy, for the org the admin saw. */
import { accessAsShown } from '../../../core/background/access-as-shown';
import type { HandlersFor } from '../../../core/background/router';
import type { sessionPolicyRequests } from '../messages';
import { applyPolicy, clearPolicy, readPolicy } from './policy';

export const sessionPolicyHandlers: HandlersFor<typeof sessionPolicyRequests> = {
  'ui/session-policy/get': async ({ userId, tokenId }) =>
    readPolicy(await accessAsShown(tokenId), userId),
  'ui/session-policy/apply': async ({ userId, tokenId, duration, signOutOnClose }) =>
    applyPolicy(await accessAsShown(tokenId), userId, { duration, signOutOnClose }),
  'ui/session-policy/clear': async ({ userId, tokenId }) =>
    clearPolicy(await accessAsShown(tokenId), userId),
};
