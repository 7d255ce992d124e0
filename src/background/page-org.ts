/** Which saved org an action belongs to, without unlocking anything: that is for the confirmation. */
import type { TokenSummary } from '../shared/tokens';
import { ActionError } from './errors';
import { listTokens } from './vault/vault';

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The token whose workspace or org URL is the page's host, else the active one. */
export async function orgFor(pageOrigin?: string): Promise<TokenSummary> {
  const { tokens } = await listTokens();
  const host = pageOrigin ? hostOf(pageOrigin) : undefined;
  const chosen = tokens.find((t) => host && hostOf(t.url) === host) ?? tokens.find((t) => t.active);
  if (!chosen) {
    throw new ActionError(
      'no_token',
      'No Slack admin token is saved yet. Open the extension’s settings and save one first.',
    );
  }
  return chosen;
}
