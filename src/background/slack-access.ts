/** Builds Slack clients for the vault's tokens. The token goes from the vault straight into the client. */
import type { ApiEnvironment, TokenSummary } from '../shared/tokens';
import {
  createRateGate,
  createSlackClient,
  GOVSLACK_API_BASE,
  SLACK_API_BASE,
  type SlackClient,
} from '../slack';
import { credentialsFor } from './vault/vault';

export function apiBaseFor(environment: ApiEnvironment): string {
  return environment === 'gov' ? GOVSLACK_API_BASE : SLACK_API_BASE;
}

// One gate for the worker's lifetime: every request of a method waits out Slack's 429 together.
const rateGate = createRateGate();

export function clientForToken(token: string, environment: ApiEnvironment): SlackClient {
  return createSlackClient({
    token,
    apiBase: apiBaseFor(environment),
    fetch: globalThis.fetch.bind(globalThis),
    rateGate,
  });
}

export interface OrgAccess {
  client: SlackClient;
  org: TokenSummary;
}

/** The client for a token (by default the active one); throws `locked`/`no_token` as sentences. */
export async function orgAccess(tokenId?: string): Promise<OrgAccess> {
  const { token, summary } = await credentialsFor(tokenId);
  return { client: clientForToken(token, summary.environment), org: summary };
}
