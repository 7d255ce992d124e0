/** Reading and changing preferences: pages → background. */
import { scopeField } from '../../core/messaging/fields';
import { bool, list, object, optional, request, text } from '../../core/messaging/schema';
import type { Preferences } from './model';

export const settingsRequests = {
  'ui/settings/get': request({}).replies<Preferences>(),
  /** Only the preferences named change. */
  'ui/settings/set': request({
    preferences: object({
      confirmBeforeReset: optional(bool('choice to confirm before resetting')),
      defaultScope: optional(scopeField),
      extraMemberSelectors: optional(list(text('selector', 500), 20, 'member selectors')),
    }),
  }).replies<Preferences>(),
};
