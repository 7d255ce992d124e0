/** Slack clients for a token. Knows nothing of the vault: the vault itself uses it to check tokens. */
import { hasAccessTo } from '../../features/site-access/access';
import { apiOriginOf } from '../../features/site-access/model';
import type { ApiEnvironment } from '../../features/tokens/model';
import {
  createRateGate,
  createSlackClient,
  GOVSLACK_API_BASE,
  SLACK_API_BASE,
  type SlackClient,
  type SlackClientOptions,
} from '../../slack';

/** What a caller may hear of its own calls (a page showing Slack's waits). */
export type ClientListeners = Pick<SlackClientOptions, 'onRateLimited'>;

export function apiBaseFor(environment: ApiEnvironment): string {
  return environment === 'gov' ? GOVSLACK_API_BASE : SLACK_API_BASE;
}

// One gate for the worker's lifetime: every request of a method waits out Slack's 429 together.
const rateGate = createRateGate();

export function clientForToken(
  token: string,
  environment: ApiEnvironment,
  listeners: ClientListeners = {},
): SlackClient {
  return createSlackClient({
    ...listeners,
    token,
    apiBase: apiBaseFor(environment),
    fetch: globalThis.fetch.bind(globalThis),
    rateGate,
    // A request the browser refused: was the admin's switch for the API host turned off?
    hasSiteAccess: (apiBase) => hasAccessTo([apiOriginOf(apiBase)]),
  });
}
