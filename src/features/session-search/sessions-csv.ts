/** The filtered view as CSV, safe to open in a spreadsheet. */
import { csvCell } from '../activity/csv';
import type { DeviceView, SessionRow } from './model';

export interface CsvContext {
  nameOf: (userId: string) => string | undefined;
  emailOf: (userId: string) => string | undefined;
  outcomeOf: (row: SessionRow) => string | undefined;
}

const device = (prefix: string, pick: (row: SessionRow) => DeviceView | undefined) => [
  { header: `${prefix} device`, value: (r: SessionRow) => pick(r)?.deviceHardware },
  { header: `${prefix} OS`, value: (r: SessionRow) => pick(r)?.os },
  { header: `${prefix} OS version`, value: (r: SessionRow) => pick(r)?.osVersion },
  { header: `${prefix} client`, value: (r: SessionRow) => pick(r)?.slackClientVersion },
  { header: `${prefix} IP`, value: (r: SessionRow) => pick(r)?.ip },
];

export function sessionsCsv(rows: Iterable<SessionRow>, context: CsvContext): string {
  const columns: { header: string; value: (r: SessionRow) => string | undefined }[] = [
    { header: 'User ID', value: (r) => r.userId },
    { header: 'Member name', value: (r) => context.nameOf(r.userId) },
    { header: 'Member e-mail', value: (r) => context.emailOf(r.userId) },
    { header: 'Workspace', value: (r) => r.teamId },
    { header: 'Session ID', value: (r) => r.sessionId },
    ...device('Sign-in', (r) => r.created),
    ...device('Recent', (r) => r.recent),
    { header: 'Outcome', value: context.outcomeOf },
  ];
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
