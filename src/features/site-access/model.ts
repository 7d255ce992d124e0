/**
 * The hosts the extension needs, and the sentences that name those the browser withholds.
 * Firefox lets a person switch an add-on's host access off, Chrome lets them restrict it; the
 * manifest's `host_permissions` are the same patterns as here (a unit test holds them together).
 */
import { listWords } from '../../shared/format';
import { t } from '../../shared/i18n';
import type { ApiEnvironment } from '../tokens/model';

/** Where each Slack's Web API is: the one place the background sends the token. */
export const API_ORIGINS: Record<ApiEnvironment, string> = {
  commercial: 'https://slack.com/api/*',
  gov: 'https://slack-gov.com/api/*',
};

/** Slack's admin pages, where the content script adds its Reset sessions buttons. */
export const ADMIN_PAGE_ORIGINS: Record<ApiEnvironment, readonly string[]> = {
  commercial: [
    'https://*.slack.com/admin*',
    'https://app.slack.com/manage/*',
    'https://*.enterprise.slack.com/manage/*',
  ],
  gov: [
    'https://*.slack-gov.com/admin*',
    'https://app.slack-gov.com/manage/*',
    'https://*.enterprise.slack-gov.com/manage/*',
  ],
};

const ENVIRONMENTS: readonly ApiEnvironment[] = ['commercial', 'gov'];

/** The host pattern of an API base: `https://slack.com/api/` → `https://slack.com/api/*`. */
export function apiOriginOf(apiBase: string): string {
  return `${apiBase.endsWith('/') ? apiBase : `${apiBase}/`}*`;
}

/** The API hosts of these Slacks, each once, commercial first. */
export function apiOriginsFor(environments: Iterable<ApiEnvironment>): string[] {
  const wanted = new Set(environments);
  return ENVIRONMENTS.filter((e) => wanted.has(e)).map((e) => API_ORIGINS[e]);
}

/** The admin pages of these Slacks, commercial first. */
export function adminPageOriginsFor(environments: Iterable<ApiEnvironment>): string[] {
  const wanted = new Set(environments);
  return ENVIRONMENTS.filter((e) => wanted.has(e)).flatMap((e) => ADMIN_PAGE_ORIGINS[e]);
}

/** A pattern as a person reads it: `https://*.slack.com/admin*` → `*.slack.com/admin`. */
export function placeOf(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/?\*$/, '');
}

/** Only the host: `https://slack.com/api/*` → `slack.com`. */
export function hostOf(pattern: string): string {
  return placeOf(pattern).split('/')[0] ?? pattern;
}

/** Said when the API host(s) are withheld: nothing can reach Slack until access is granted. */
export function noApiAccessSentence(missing: readonly string[]): string {
  const hosts = [...new Set(missing.map(hostOf))];
  return t('access_noApi', listWords(hosts));
}

/** Said when admin pages are withheld: their Reset sessions buttons are missing. */
export function noAdminPageAccessSentence(missing: readonly string[]): string {
  return t('access_noAdminPages', listWords(missing.map(placeOf)));
}

export const ADMIN_PAGES_REACHABLE = t('access_adminPagesReachable');

/** While the browser's own question is open. */
export const GRANT_ASKED = t('access_asked');

export const GRANT_DECLINED = t('access_declined');
