/** What every context may know about a saved token: never the token itself. */
import { t } from '../../shared/i18n';

export type ApiEnvironment = 'commercial' | 'gov';
/** device: encrypted under a key that never leaves this browser; session: gone when the
 * browser closes; passphrase: encrypted under a key derived from the admin's passphrase. */
export type StorageMode = 'device' | 'session' | 'passphrase';

export const STORAGE_MODE_LABEL: Record<StorageMode, string> = {
  device: t('tokens_modeDevice'),
  session: t('tokens_modeSession'),
  passphrase: t('tokens_modePassphrase'),
};

/** The Slack a token is for, in one word: what tells two tokens of one org apart. */
export const ENVIRONMENT_NAME: Record<ApiEnvironment, string> = {
  commercial: 'Slack',
  gov: 'GovSlack',
};

export const API_ENVIRONMENT_LABEL: Record<ApiEnvironment, string> = {
  commercial: t('tokens_environmentCommercial'),
  gov: t('tokens_environmentGov'),
};

/** Who a token is, as Slack's auth.test told it. */
export interface TokenIdentity {
  /** Org or workspace name. */
  team: string;
  teamId: string;
  enterpriseId?: string;
  url: string;
  /** The admin the token belongs to. */
  user: string;
  userId: string;
  scopes: string[];
}

export interface TokenSummary extends TokenIdentity {
  id: string;
  environment: ApiEnvironment;
  mode: StorageMode;
  /** e.g. `xoxp-…a1b2` */
  redacted: string;
  savedAt: string;
  active: boolean;
  /** A passphrase token that has not been unlocked in this browser session. */
  locked: boolean;
  /** A session-only token after the browser restarted: it has to be pasted again. */
  forgotten: boolean;
  /** Workspace admin hosts the admin said belong to this org (e.g. `acme-eng.slack.com`). */
  pageHosts?: string[];
}

/** Scopes the extension uses, and what is lost without each. */
export const REQUIRED_SCOPES = {
  'admin.users:write': 'resetting and ending sessions',
  'admin.users:read': 'listing a member’s active sessions',
  'users:read.email': 'finding members by e-mail address',
} as const;

export type RequiredScope = keyof typeof REQUIRED_SCOPES;

/** Scopes that are reasonable beside the required ones (users:read for member names). */
export const EXPECTED_EXTRA_SCOPES = ['users:read', 'identify'];

export function redactToken(token: string): string {
  const prefix = /^[a-z]{4}-/.exec(token)?.[0] ?? '';
  return `${prefix}…${token.slice(-4)}`;
}
