/** Short sentences and labels several surfaces show alike. */

import { t } from './i18n';

/** Said of a write whose first attempt timed out, so that it was sent twice. */
export const RESENT_NOTE = t('format_resent');

/** Text cut to at most `max` characters, with an ellipsis where it was cut. */
export function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
}

/** A tab's title as one short line: the page chose it, so it is only ever shown, and kept short. */
export function shortTitle(title: string | undefined): string | undefined {
  const line = title?.replace(/\s+/g, ' ').trim();
  return line ? clip(line, 80) : undefined;
}

/** "a", "a and b", "a, b and c" */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${t('format_and')} ${words[words.length - 1]}`;
}
