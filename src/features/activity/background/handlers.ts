/** Reading and exporting the activity log. */
import type { HandlersFor } from '../../../core/background/router';
import { toCsv } from '../csv';
import type { activityRequests } from '../messages';
import { listActivity } from './activity-log';

export const activityHandlers: HandlersFor<typeof activityRequests> = {
  'ui/activity/list': ({ filter, limit }) => listActivity(filter ?? {}, limit),
  'ui/activity/export-csv': async ({ filter }) => {
    const entries = await listActivity(filter ?? {});
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    return { csv: toCsv(entries), filename: `slack-session-activity-${stamp}.csv` };
  },
};
