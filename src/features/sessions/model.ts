/** A member's session as every context may see it. */

import { t } from '../../shared/i18n';
import type { SessionId } from '../../shared/ids';

export interface SessionView {
  sessionId: SessionId;
  teamId: string;
  /** Hardware and OS, from the most recent use. */
  device?: string;
  os?: string;
  clientVersion?: string;
  /** Slack reports device details at sign-in ("created") and at last use ("recent"). */
  lastSeenIp?: string;
  createdIp?: string;
}

/** What a fresh listing after a reset found. */
export interface SignOutCheck {
  /** False when Slack could not be asked: the sentence says why. */
  verified: boolean;
  /** The member's active sessions after the reset. */
  remaining: SessionView[];
  sentence: string;
}

/** What a session runs in: the split Web only and Mobile only act on. */
export type SessionKind = 'web' | 'desktop' | 'mobile' | 'unknown';

export const SESSION_KIND_LABEL: Record<SessionKind, string> = {
  web: t('session_web'),
  desktop: t('session_desktop'),
  mobile: t('session_mobile'),
  unknown: t('session_unknown'),
};

const MOBILE_OS = /^(ios|ipados|android)\b/i;
// Whole words: a Pixelbook or a Galaxy Book is a laptop.
const MOBILE_HARDWARE = /\b(iphone|ipad|android|pixel|galaxy)\b(?!\s*book)/i;

/**
 * Slack does not say which kind a session is; its listing gives the device and the client's
 * version. Mobile OSes make mobile apps; elsewhere Slack's desktop app reports its own version
 * (4.x) while a browser session reports the browser's (120.0…, Safari's 17.4).
 */
export function sessionKind(
  session: Pick<SessionView, 'os' | 'device' | 'clientVersion'>,
): SessionKind {
  if (MOBILE_OS.test(session.os ?? '') || MOBILE_HARDWARE.test(session.device ?? ''))
    return 'mobile';
  const major = Number(/^(\d+)\./.exec(session.clientVersion ?? '')?.[1]);
  if (!Number.isFinite(major)) return 'unknown';
  // Slack's desktop app is at 4.x (3.x before it); browsers are at 10 and up (Safari 17).
  if (major <= 4) return 'desktop';
  return major >= 10 ? 'web' : 'unknown';
}

/** "Desktop app on Windows 10.0.22631 (x64)". */
export function describeSession(session: SessionView): string {
  const kind = SESSION_KIND_LABEL[sessionKind(session)];
  const where = [session.os, session.device && `(${session.device})`].filter(Boolean).join(' ');
  return where ? t('session_describe', kind, where) : kind;
}

/** A sign-out is not a lock-out: said after every reset, for whoever is handling a compromise. */
export const SIGN_BACK_IN_NOTE = t('session_signBackIn');
