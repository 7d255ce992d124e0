/** A member's own session policy: how long their sessions last, and ending them on close. */
import { type MessageKey, t } from '../../shared/i18n';

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
  { seconds: 8 * 3600, label: t('policy_8h') },
  { seconds: 12 * 3600, label: t('policy_12h') },
  { seconds: 86_400, label: t('policy_1d') },
  { seconds: 7 * 86_400, label: t('policy_7d') },
  { seconds: 30 * 86_400, label: t('policy_30d') },
  { seconds: 90 * 86_400, label: t('policy_90d') },
];

const plural = (n: number, one: MessageKey, many: MessageKey) => (n === 1 ? t(one) : t(many, n));

const YEAR_S = 31_556_952;

/** "8 hours", "1 day", "10 years": a duration set elsewhere reads as well as ours. */
export function durationWords(seconds: number): string {
  const choice = DURATION_CHOICES.find((c) => c.seconds === seconds);
  if (choice) return choice.label;
  if (seconds % YEAR_S === 0) return plural(seconds / YEAR_S, 'policy_yearOne', 'policy_years');
  if (seconds % 86_400 === 0) return plural(seconds / 86_400, 'policy_dayOne', 'policy_days');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'policy_hourOne', 'policy_hours');
  return plural(Math.round(seconds / 60), 'policy_minuteOne', 'policy_minutes');
}

/** The policy in words: "sessions last 8 hours and end when the app or browser closes". */
export function policyWords(policy: SessionPolicy): string {
  const length =
    policy.duration === undefined
      ? t('policy_lengthDefault')
      : t('policy_length', durationWords(policy.duration));
  const closing =
    policy.signOutOnClose === undefined
      ? t('policy_closeDefault')
      : policy.signOutOnClose
        ? t('policy_closeEnd')
        : t('policy_closeStay');
  return t('policy_words', length, closing);
}
