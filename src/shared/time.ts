/** Times as a glance reads them. */

import { t } from './i18n';

/** "just now", "5 min ago", "3 h ago", or the date for anything older than a day. */
export function ago(iso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return t('time_justNow');
  if (seconds < 3600) return t('time_minutesAgo', Math.round(seconds / 60));
  if (seconds < 86_400) return t('time_hoursAgo', Math.round(seconds / 3600));
  return new Date(iso).toLocaleDateString();
}

/** "14:02:10": a wall-clock time to the second, as the admin's clock shows it. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** "Slack asked to wait 20 s — retrying at 14:02:10". */
export function waitSentence(seconds: number, retryAt: number): string {
  return t('time_wait', seconds, clockTime(retryAt));
}
