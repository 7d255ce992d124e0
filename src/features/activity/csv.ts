/** The activity log as CSV, safe to open in a spreadsheet. */
import { ENVIRONMENT_NAME } from '../tokens/model';
import type { ActivityEntry } from './model';
import { isoWithOffset } from './time';

const CSV_COLUMNS: { header: string; value: (e: ActivityEntry) => string | undefined }[] = [
  // With the offset: the same wall-clock time the page shows, and no doubt about the zone.
  { header: 'Time', value: (e) => isoWithOffset(e.at) },
  { header: 'Org', value: (e) => e.org },
  { header: 'Org ID', value: (e) => e.orgId },
  { header: 'Slack', value: (e) => e.environment && ENVIRONMENT_NAME[e.environment] },
  { header: 'Admin', value: (e) => e.admin },
  { header: 'Admin ID', value: (e) => e.adminId },
  { header: 'Source', value: (e) => e.source },
  { header: 'Action', value: (e) => e.action },
  { header: 'User ID', value: (e) => e.userId },
  { header: 'Member name', value: (e) => e.userName },
  { header: 'Member e-mail', value: (e) => e.userEmail },
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
