/** The activity log's entry shape, filtering and CSV export: pure, shared by background and UI. */
import type { ActionSource } from '../../shared/messages';
import type { DeviceScope } from '../../shared/scope';

/** Long enough for a ticket reference and a sentence; the background enforces it too. */
export const REASON_MAX_LENGTH = 500;

export type ActivityAction = 'reset' | 'invalidate' | 'bulk-reset';

/**
 * `attempted`: recorded before the request is sent, completed once Slack answers. One the
 * worker stopped in the middle of becomes `unknown`: it may or may not have happened.
 */
export type ActivityOutcome = 'success' | 'failed' | 'attempted' | 'unknown';

/** How each outcome reads in a table cell. */
export const ACTIVITY_OUTCOME_LABEL: Record<ActivityOutcome, string> = {
  success: 'Succeeded',
  failed: 'Failed',
  attempted: 'Sending…',
  unknown: 'May or may not have happened',
};

export const UNKNOWN_OUTCOME_MESSAGE =
  'The extension stopped while this was being sent, so it may or may not have happened. Check the member’s sessions before trying again.';

export interface ActivityEntry {
  id: string;
  /** ISO 8601 time. */
  at: string;
  org: string;
  orgId: string;
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

const CSV_COLUMNS: { header: string; value: (e: ActivityEntry) => string | undefined }[] = [
  { header: 'Time', value: (e) => e.at },
  { header: 'Org', value: (e) => e.org },
  { header: 'Org ID', value: (e) => e.orgId },
  { header: 'Admin', value: (e) => e.admin },
  { header: 'Admin ID', value: (e) => e.adminId },
  { header: 'Source', value: (e) => e.source },
  { header: 'Action', value: (e) => e.action },
  { header: 'User ID', value: (e) => e.userId },
  { header: 'User name', value: (e) => e.userName },
  { header: 'User e-mail', value: (e) => e.userEmail },
  { header: 'Devices', value: (e) => e.scope },
  { header: 'Session ID', value: (e) => e.sessionId },
  { header: 'Outcome', value: (e) => e.outcome },
  { header: 'Slack error', value: (e) => e.errorCode },
  { header: 'Message', value: (e) => e.message },
  { header: 'Reason', value: (e) => e.reason },
];

/**
 * One CSV cell (RFC 4180). Cells a spreadsheet would run as a formula (= + - @, and the tab
 * and carriage return that also start one) get a leading apostrophe. Some spreadsheets skip
 * leading whitespace (spaces, no-break spaces, line breaks…) before deciding, so the check looks
 * past it too; the cell is otherwise kept as it was.
 */
export function csvCell(raw: string | undefined): string {
  let text = raw ?? '';
  if (/^\s*[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(entries: readonly ActivityEntry[]): string {
  const lines = [CSV_COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const entry of entries)
    lines.push(CSV_COLUMNS.map((c) => csvCell(c.value(entry))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
