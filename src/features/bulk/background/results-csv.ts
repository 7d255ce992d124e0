/** A job's results as CSV: one row per member, neutralised for spreadsheets like Activity. */
import { csvCell } from '../../activity/csv';
import { type BulkTargetView, TARGET_STATE_LABEL } from '../model';

const COLUMNS: { header: string; value: (t: BulkTargetView) => string | undefined }[] = [
  { header: 'Given', value: (t) => t.given },
  { header: 'User ID', value: (t) => t.userId },
  { header: 'Name', value: (t) => t.name },
  { header: 'E-mail', value: (t) => t.email },
  { header: 'Outcome', value: (t) => TARGET_STATE_LABEL[t.state] },
  { header: 'Slack error', value: (t) => t.errorCode },
  { header: 'Details', value: (t) => t.message },
];

export function resultsCsv(targets: readonly BulkTargetView[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const t of targets) lines.push(COLUMNS.map((c) => csvCell(c.value(t))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
