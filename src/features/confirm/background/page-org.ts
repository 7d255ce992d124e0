/**
 * Which saved org an admin page belongs to, without unlocking anything: that is for the
 * confirmation. A page whose org is not a saved token's must never act with the active token.
 */

import { ActionError } from '../../../core/background/errors';
import { listTokens } from '../../../core/background/vault/vault';
import { t } from '../../../shared/i18n';
import { parseUrl } from '../../../shared/url';
import type { TokenSummary } from '../../tokens/model';

export type PageOrg =
  | { known: true; org: TokenSummary }
  /** The admin picks among `candidates` (saved orgs of the same Slack), or cancels. */
  | { known: false; host: string; candidates: TokenSummary[] };

/** `app.slack.com/manage/E…/…`: the org People app names its enterprise in the path. */
const ENTERPRISE_IN_PATH = /^\/manage\/(E[A-Z0-9]{8,31})(?:[/?#]|$)/;

export function isGovHost(host: string): boolean {
  return host === 'slack-gov.com' || host.endsWith('.slack-gov.com');
}

/** The one saved org a page's host (or, on app.slack.com, its path) names, if any. */
export function matchPageOrg(
  tokens: readonly TokenSummary[],
  origin: string,
  path: string,
): TokenSummary | undefined {
  const host = parseUrl(origin)?.hostname;
  if (!host) return undefined;
  const environment = isGovHost(host) ? 'gov' : 'commercial';
  const sameSlack = tokens.filter((t) => t.environment === environment);
  if (host === 'app.slack.com' || host === 'app.slack-gov.com') {
    const enterpriseId = ENTERPRISE_IN_PATH.exec(path)?.[1];
    if (!enterpriseId) return undefined;
    return sameSlack.find((t) => t.enterpriseId === enterpriseId || t.teamId === enterpriseId);
  }
  return sameSlack.find(
    (t) => parseUrl(t.url)?.hostname === host || (t.pageHosts ?? []).includes(host),
  );
}

/**
 * The org of an admin page: `origin` is the browser's, `url` the page's own (only its path is
 * read, to pick between saved orgs on app.slack.com).
 */
export async function orgOfPage(origin: string, url: string | undefined): Promise<PageOrg> {
  const { tokens } = await listTokens();
  if (tokens.length === 0) throw noToken();
  const path = parseUrl(url)?.origin === origin ? parseUrl(url)!.pathname : '/';
  const org = matchPageOrg(tokens, origin, path);
  if (org) return { known: true, org };
  const host = parseUrl(origin)?.hostname ?? origin;
  const environment = isGovHost(host) ? 'gov' : 'commercial';
  return { known: false, host, candidates: tokens.filter((t) => t.environment === environment) };
}

/** The active org, for surfaces that belong to no page (the popup, the right-click menu). */
export async function activeOrg(): Promise<TokenSummary> {
  const { tokens } = await listTokens();
  const chosen = tokens.find((t) => t.active);
  if (!chosen) throw noToken();
  return chosen;
}

function noToken(): ActionError {
  return new ActionError('no_token', t('confirm_noToken'));
}
