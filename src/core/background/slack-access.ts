/** The client for a saved token. The token goes from the vault straight into the client. */
import type { TokenSummary } from '../../features/tokens/model';
import type { SlackClient } from '../../slack';
import { type ClientListeners, clientForToken } from './slack-clients';
import { credentialsFor } from './vault/vault';

export { clientForToken } from './slack-clients';

export interface OrgAccess {
  client: SlackClient;
  org: TokenSummary;
}

/** The client for a token (by default the active one); throws `locked`/`no_token` as sentences. */
export async function orgAccess(tokenId?: string, listeners?: ClientListeners): Promise<OrgAccess> {
  const { token, summary } = await credentialsFor(tokenId);
  return { client: clientForToken(token, summary.environment, listeners), org: summary };
}
