/** The confirmation window's questions and answers. */
import type { HandlersFor } from '../../../core/background/router';
import type { confirmRequests } from '../messages';
import { answerConfirmation, chooseOrg, getConfirmation } from './confirmations';

const PAGE = ['extension-page'] as const;

export const confirmHandlers: HandlersFor<typeof confirmRequests> = {
  'ui/confirmation/get': { from: PAGE, handle: ({ id }) => getConfirmation(id) },
  'ui/confirmation/choose-org': {
    from: PAGE,
    handle: ({ id, tokenId, remember }) => chooseOrg(id, tokenId, remember),
  },
  'ui/confirmation/answer': {
    from: PAGE,
    handle: ({ id, confirmed, scope, reason }) =>
      answerConfirmation(id, { confirmed, scope, reason }),
  },
};
