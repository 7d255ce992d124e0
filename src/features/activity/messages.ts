/** Reading and exporting the activity log (pages → background), and its one notice. */
import { count, object, oneOf, optional, request } from '../../core/messaging/schema';
import { parsedOk } from '../../shared/parsed';
import { ACTIVITY_OUTCOME_LABEL, type ActivityEntry } from './model';

/** A search, not a claim: a long one is cut rather than refused. */
const userFilter = (raw: unknown) =>
  typeof raw === 'string' ? parsedOk(raw.slice(0, 200)) : parsedOk(undefined);

const filterField = optional(
  object({
    user: optional(userFilter),
    outcome: optional(oneOf(ACTIVITY_OUTCOME_LABEL, 'That is not an outcome to filter by.')),
  }),
);

export const activityRequests = {
  'ui/activity/list': request({
    filter: filterField,
    limit: optional(count(1, 10_000)),
  }).replies<ActivityEntry[]>(),
  /** The entries the filter shows (every entry without one). */
  'ui/activity/export-csv': request({ filter: filterField }).replies<{
    csv: string;
    filename: string;
  }>(),
};

/** Background → extension pages. */
export interface ActivityNoticesToPages {
  /** Activity has a new entry. */
  'bg-to-pages/activity/added': { entryId: string };
}
