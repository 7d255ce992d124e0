/** Short sentences and labels several surfaces show alike. */

/** Said of a write whose first attempt timed out, so that it was sent twice. */
export const RESENT_NOTE =
  'Slack did not answer in time at first, so the request was sent a second time.';

/** A tab's title as one short line: the page chose it, so it is only ever shown, and kept short. */
export function shortTitle(title: string | undefined): string | undefined {
  const line = title?.replace(/\s+/g, ' ').trim();
  if (!line) return undefined;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
