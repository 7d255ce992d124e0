/** Every request the background answers, gathered from the capabilities with their parsers. */
import { joinRoutes, type Routes, routesFor } from '../core/background/router';
import { activityHandlers } from '../features/activity/background/handlers';
import { activityRequests } from '../features/activity/messages';
import { bulkHandlers } from '../features/bulk/background/handlers';
import { bulkRequests } from '../features/bulk/messages';
import { confirmHandlers } from '../features/confirm/background/handlers';
import { confirmRequests } from '../features/confirm/messages';
import { memberHandlers } from '../features/members/background/handlers';
import { memberRequests } from '../features/members/messages';
import { pageControlHandlers } from '../features/page-controls/background/handlers';
import { pageControlRequests } from '../features/page-controls/messages';
import { sessionPolicyHandlers } from '../features/session-policy/background/handlers';
import { sessionPolicyRequests } from '../features/session-policy/messages';
import { sessionSearchHandlers } from '../features/session-search/background/handlers';
import { sessionSearchRequests } from '../features/session-search/messages';
import { sessionHandlers } from '../features/sessions/background/handlers';
import { sessionRequests } from '../features/sessions/messages';
import { settingsHandlers } from '../features/settings/background/handlers';
import { settingsRequests } from '../features/settings/messages';
import { tokenHandlers } from '../features/tokens/background/handlers';
import { tokenRequests } from '../features/tokens/messages';

export const routes: Routes = joinRoutes(
  routesFor(tokenRequests, tokenHandlers),
  routesFor(memberRequests, memberHandlers),
  routesFor(sessionRequests, sessionHandlers),
  routesFor(sessionPolicyRequests, sessionPolicyHandlers),
  routesFor(activityRequests, activityHandlers),
  routesFor(settingsRequests, settingsHandlers),
  routesFor(confirmRequests, confirmHandlers),
  routesFor(pageControlRequests, pageControlHandlers),
  routesFor(bulkRequests, bulkHandlers),
  routesFor(sessionSearchRequests, sessionSearchHandlers),
);
