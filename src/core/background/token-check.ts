/** Vets a pasted token before it is stored: its shape, then Slack's own answer and scopes. */

import {
  EXPECTED_EXTRA_SCOPES,
  REQUIRED_SCOPES,
  type RequiredScope,
  type TokenIdentity,
} from '../../features/tokens/model';
import type { UserId } from '../../shared/ids';
import type { AuthTestResult, SlackClient } from '../../slack';
import { ActionError, toReplyError } from './errors';

/** Unneeded scopes beyond this many earn a warning: a leaked broad token does more harm. */
const EXTRA_SCOPE_ALLOWANCE = 5;

export function checkTokenShape(raw: string): string {
  const token = raw.trim();
  if (token === '')
    throw new ActionError('invalid_token', 'Paste the admin token (it starts with xoxp-).');
  if (/^xoxb-/.test(token)) {
    throw new ActionError(
      'bot_token',
      'This is a bot token (xoxb-). Session resets need a user token (xoxp-) from an app installed on the whole organization by an Org Owner or Admin.',
    );
  }
  if (/^xox[cd]-/.test(token)) {
    throw new ActionError(
      'browser_token',
      'This is a token copied from a Slack browser session. Use the user token (xoxp-) of a Slack app installed on the whole organization instead.',
    );
  }
  if (/^(xapp|xoxa|xoxe|xoxr)-/.test(token)) {
    throw new ActionError(
      'wrong_token_type',
      'This is not a user token. Use the user token (xoxp-) of a Slack app installed on the whole organization.',
    );
  }
  if (!/^(xoxe\.)?xoxp-[A-Za-z0-9-]{6,250}$/.test(token)) {
    throw new ActionError(
      'invalid_token',
      'That does not look like a Slack user token. It starts with xoxp- and contains only letters, digits and dashes.',
    );
  }
  return token;
}

export function missingScopes(scopes: readonly string[]): RequiredScope[] {
  return (Object.keys(REQUIRED_SCOPES) as RequiredScope[]).filter((s) => !scopes.includes(s));
}

export function scopeWarnings(scopes: readonly string[]): string[] {
  const warnings = missingScopes(scopes).map(
    (scope) => `The token lacks ${scope}, so ${REQUIRED_SCOPES[scope]} will not work.`,
  );
  const needed = new Set<string>([...Object.keys(REQUIRED_SCOPES), ...EXPECTED_EXTRA_SCOPES]);
  const extra = scopes.filter((s) => !needed.has(s));
  if (extra.length > EXTRA_SCOPE_ALLOWANCE) {
    warnings.push(
      `The token carries ${extra.length} scopes this extension does not use (${extra.slice(0, 6).join(', ')}${extra.length > 6 ? ', …' : ''}). A token limited to ${Object.keys(REQUIRED_SCOPES).join(', ')} does less harm if it leaks.`,
    );
  }
  return warnings;
}

/** Asks Slack who the token is. Refuses bot tokens and tokens that cannot reset sessions. */
export async function identifyToken(
  client: SlackClient,
): Promise<{ identity: TokenIdentity; warnings: string[] }> {
  const auth = await client.authTest();
  if (auth.botId) {
    throw new ActionError(
      'bot_token',
      'Slack says this token belongs to a bot. Session resets need a user token (xoxp-) from an app installed on the whole organization.',
    );
  }
  if (!auth.scopes.includes('admin.users:write')) {
    throw new ActionError(
      'missing_scope',
      'This token is missing the admin.users:write scope, without which no session can be reset. Add it to the app’s user token scopes, reinstall the app on the whole organization, and save the new token.',
      { needed: 'admin.users:write' },
    );
  }
  return {
    identity: {
      team: auth.team,
      teamId: auth.enterpriseId ?? auth.teamId,
      enterpriseId: auth.enterpriseId,
      url: auth.url,
      user: auth.user,
      userId: auth.userId,
      scopes: auth.scopes,
    },
    warnings: [
      ...installWarnings(auth),
      ...(await roleWarnings(client, auth)),
      ...scopeWarnings(auth.scopes),
    ],
  };
}

/** An app installed on one workspace only: Slack refuses it every admin.users.session call. */
function installWarnings(auth: AuthTestResult): string[] {
  if (auth.isEnterpriseInstall || !auth.enterpriseId) return [];
  return [
    `This app is installed on the workspace ${auth.team} only, not on the organization: Slack will refuse every reset, session list and session policy with not_allowed_token_type. Install the app on the whole organization as an Org Owner or Org Admin, and save that token.`,
  ];
}

/** Only org owners and admins may sign members out: anyone else's token is refused each time. */
async function roleWarnings(client: SlackClient, auth: AuthTestResult): Promise<string[]> {
  try {
    const user = await client.usersInfo(auth.userId as UserId);
    if (user.isAdmin || user.isOwner || user.isPrimaryOwner) return [];
    return [
      `${auth.user} is not an org owner or org admin of ${auth.team}: Slack will refuse every reset and session list with not_an_admin. Save the token of an app installed by an Org Owner or Org Admin.`,
    ];
  } catch (error) {
    return [
      `Could not check that ${auth.user} is an org owner or admin: ${toReplyError(error).message} If they are not, Slack will refuse every reset with not_an_admin.`,
    ];
  }
}
