/** Vets a pasted token before it is stored: its shape, then Slack's own answer and scopes. */

import {
  EXPECTED_EXTRA_SCOPES,
  REQUIRED_SCOPES,
  type RequiredScope,
  type TokenIdentity,
} from '../../features/tokens/model';
import { type MessageKey, t } from '../../shared/i18n';
import type { UserId } from '../../shared/ids';
import type { AuthTestResult, SlackClient } from '../../slack';
import { ActionError, toReplyError } from './errors';

/** What stops working without each required scope, as a whole sentence. */
const LACKING_SCOPE: Record<RequiredScope, MessageKey> = {
  'admin.users:write': 'core_scopeLacksWrite',
  'admin.users:read': 'core_scopeLacksRead',
  'users:read.email': 'core_scopeLacksEmail',
};

/** Unneeded scopes beyond this many earn a warning: a leaked broad token does more harm. */
const EXTRA_SCOPE_ALLOWANCE = 5;

export function checkTokenShape(raw: string): string {
  const token = raw.trim();
  if (token === '') throw new ActionError('invalid_token', t('core_tokenPaste'));
  if (/^xoxb-/.test(token)) {
    throw new ActionError('bot_token', t('core_tokenBot'));
  }
  if (/^xox[cd]-/.test(token)) {
    throw new ActionError('browser_token', t('core_tokenBrowser'));
  }
  if (/^(xapp|xoxa|xoxe|xoxr)-/.test(token)) {
    throw new ActionError('wrong_token_type', t('core_tokenNotUser'));
  }
  if (!/^(xoxe\.)?xoxp-[A-Za-z0-9-]{6,250}$/.test(token)) {
    throw new ActionError('invalid_token', t('core_tokenShape'));
  }
  return token;
}

export function missingScopes(scopes: readonly string[]): RequiredScope[] {
  return (Object.keys(REQUIRED_SCOPES) as RequiredScope[]).filter((s) => !scopes.includes(s));
}

export function scopeWarnings(scopes: readonly string[]): string[] {
  const warnings = missingScopes(scopes).map((scope) => t(LACKING_SCOPE[scope]));
  const needed = new Set<string>([...Object.keys(REQUIRED_SCOPES), ...EXPECTED_EXTRA_SCOPES]);
  const extra = scopes.filter((s) => !needed.has(s));
  if (extra.length > EXTRA_SCOPE_ALLOWANCE) {
    warnings.push(
      t(
        'core_scopesExtra',
        extra.length,
        `${extra.slice(0, 6).join(', ')}${extra.length > 6 ? ', …' : ''}`,
        Object.keys(REQUIRED_SCOPES).join(', '),
      ),
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
    throw new ActionError('bot_token', t('core_slackSaysBot'));
  }
  if (!auth.scopes.includes('admin.users:write')) {
    throw new ActionError('missing_scope', t('core_missingWriteScope'), {
      needed: 'admin.users:write',
    });
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
  return [t('core_workspaceInstall', auth.team)];
}

/** Only org owners and admins may sign members out: anyone else's token is refused each time. */
async function roleWarnings(client: SlackClient, auth: AuthTestResult): Promise<string[]> {
  try {
    const user = await client.usersInfo(auth.userId as UserId);
    if (user.isAdmin || user.isOwner || user.isPrimaryOwner) return [];
    return [t('core_notAdmin', auth.user, auth.team)];
  } catch (error) {
    return [t('core_roleUnchecked', auth.user, toReplyError(error).message)];
  }
}
