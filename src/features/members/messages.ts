/** Looking a member up: pages → background. */
import { request, text } from '../../core/messaging/schema';
import type { ShownMember } from './model';

export const memberRequests = {
  /** `input`: an ID, mention, e-mail address or profile link, as typed. The reply names the
   * org the member was found in (`tokenId`); a reset or session list then names it too. */
  'ui/member/resolve': request({ input: text('user') }).replies<ShownMember>(),
};
