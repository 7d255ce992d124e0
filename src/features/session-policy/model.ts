/** A member's own session policy: how long their sessions last, and ending them on close. */

/** Slack's bounds for `duration`, in seconds: 8 hours to 10 years. */
export const MIN_DURATION_S = 28_800;
export const MAX_DURATION_S = 315_569_520;

export interface SessionPolicy {
  /** Seconds; undefined: the organization's default applies. */
  duration?: number;
  /** Sessions end when the desktop app or the browser closes; undefined: the organization's choice. */
  signOutOnClose?: boolean;
}

/** The policy as read from Slack, which leaves out members with no active sessions. */
export interface PolicyReading extends SessionPolicy {
  /** False: Slack did not say, so the policy shown is not known to be the member's. */
  reported: boolean;
}

/** The choices the popup offers, shortest first (Slack allows any length in its bounds). */
export const DURATION_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 8 * 3600, label: '8 hours' },
  { seconds: 12 * 3600, label: '12 hours' },
  { seconds: 86_400, label: '1 day' },
  { seconds: 7 * 86_400, label: '7 days' },
  { seconds: 30 * 86_400, label: '30 days' },
  { seconds: 90 * 86_400, label: '90 days' },
];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const YEAR_S = 31_556_952;

/** "8 hours", "1 day", "10 years": a duration set elsewhere reads as well as ours. */
export function durationWords(seconds: number): string {
  const choice = DURATION_CHOICES.find((c) => c.seconds === seconds);
  if (choice) return choice.label;
  if (seconds % YEAR_S === 0) return plural(seconds / YEAR_S, 'year');
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return plural(Math.round(seconds / 60), 'minute');
}

/** The policy in words: "sessions last 8 hours and end when the app or browser closes". */
export function policyWords(policy: SessionPolicy): string {
  const length =
    policy.duration === undefined
      ? 'sessions last as long as the organization’s default'
      : `sessions last ${durationWords(policy.duration)}`;
  const closing =
    policy.signOutOnClose === undefined
      ? 'follow the organization’s choice when the app or browser closes'
      : policy.signOutOnClose
        ? 'end when the app or browser closes'
        : 'stay signed in when the app or browser closes';
  return `${length} and ${closing}`;
}
