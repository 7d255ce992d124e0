/** The confirmation window's questions and answers. */
import type { HandlersFor } from '../../../core/background/router';
import type { confirmRequests } from '../messages';
import { answerConfirmation, chooseOrg, getConfirmation, retryFailed } from './confirmations';

export const confirmHandlers: HandlersFor<typeof confirmRequests> = {
  'ui/confirmation/get': ({ id }) => getConfirmation(id),
  'ui/confirmation/choose-org': ({ id, tokenId, remember }) => chooseOrg(id, tokenId, remember),
  'ui/confirmation/answer': ({ id, confirmed, scope, reason, includeSelf }) =>
    answerConfirmation(id, { confirmed, scope, reason, includeSelf }),
  'ui/confirmation/retry-failed': ({ id }) => retryFailed(id),
};
