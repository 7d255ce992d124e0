/** The activity log's entry shape and filtering: pure, shared by background and UI. */

import { t } from '../../shared/i18n';
import type { DeviceScope } from '../../shared/scope';
import type { ApiEnvironment } from '../tokens/model';

/** Where an action was started; recorded in Activity. */
export type ActionSource = 'popup' | 'page' | 'context-menu' | 'bulk' | 'session-search';

export type ActivityAction = 'reset' | 'invalidate' | 'bulk-reset' | 'set-policy' | 'clear-policy';

/**
 * `attempted`: recorded before the request is sent, completed once Slack answers. One the
 * worker stopped in the middle of becomes `unknown`: it may or may not have happened.
 */
export type ActivityOutcome = 'success' | 'failed' | 'attempted' | 'unknown';

/** How each outcome reads in a table cell. */
export const ACTIVITY_OUTCOME_LABEL: Record<ActivityOutcome, string> = {
  success: t('activity_succeeded'),
  failed: t('activity_failed'),
  attempted: t('activity_sending'),
  unknown: t('activity_unknown'),
};

export const UNKNOWN_OUTCOME_MESSAGE = t('activity_unknownMessage');

export interface ActivityEntry {
  id: string;
  /** ISO 8601 time. */
  at: string;
  org: string;
  orgId: string;
  /** Which Slack the org is on; absent on entries kept before it was recorded. */
  environment?: ApiEnvironment;
  admin: string;
  adminId: string;
  source: ActionSource;
  action: ActivityAction;
  userId: string;
  userName?: string;
  userEmail?: string;
  scope?: DeviceScope;
  sessionId?: string;
  outcome: ActivityOutcome;
  errorCode?: string;
  message?: string;
  reason?: string;
}

export interface ActivityFilter {
  /** Matches user ID, name or e-mail, case-insensitively. */
  user?: string;
  outcome?: ActivityOutcome;
}

export function matchesFilter(entry: ActivityEntry, filter: ActivityFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.outcome && entry.outcome !== filter.outcome) return false;
  const needle = filter.user?.trim().toLowerCase();
  if (needle) {
    const haystack = [entry.userId, entry.userName, entry.userEmail]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    if (!haystack.includes(needle)) return false;
  }
  return true;
}
