/**
 * Every request the background serves, with its parser, by direction. Only the background and
 * tests import these values; pages and the content script use the types in `index.ts`.
 */
import { activityRequests } from '../features/activity/messages';
import { bulkRequests } from '../features/bulk/messages';
import { confirmRequests } from '../features/confirm/messages';
import { memberRequests } from '../features/members/messages';
import { pageControlRequests } from '../features/page-controls/messages';
import { sessionPolicyRequests } from '../features/session-policy/messages';
import { sessionSearchRequests } from '../features/session-search/messages';
import { sessionRequests } from '../features/sessions/messages';
import { settingsRequests } from '../features/settings/messages';
import { tokenRequests } from '../features/tokens/messages';

/** Extension pages → background. */
export const UI_REQUESTS = {
  ...tokenRequests,
  ...memberRequests,
  ...sessionRequests,
  ...sessionPolicyRequests,
  ...activityRequests,
  ...settingsRequests,
  ...confirmRequests,
  ...bulkRequests,
  ...sessionSearchRequests,
};

/** The content script on a Slack admin page → background. */
export const CONTENT_REQUESTS = { ...pageControlRequests };
