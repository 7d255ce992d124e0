/** Saved tokens: only the vault sees a token; pages get summaries. */

import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { clientForToken } from '../../../core/background/slack-access';
import { checkTokenShape, identifyToken } from '../../../core/background/token-check';
import {
  activateToken,
  listTokens,
  lockToken,
  removeToken,
  storeToken,
  unlockToken,
} from '../../../core/background/vault/vault';
import { t } from '../../../shared/i18n';
import { getOrgPolicy } from '../../settings/background/org-policy';
import type { tokenRequests } from '../messages';
import { ENVIRONMENT_NAME } from '../model';

export const tokenHandlers: HandlersFor<typeof tokenRequests> = {
  'ui/tokens/list': () => listTokens(),
  'ui/tokens/save': async ({ token: pasted, mode, passphrase, environment }) => {
    const token = checkTokenShape(pasted);
    const forced = (await getOrgPolicy()).apiEnvironment;
    if (forced && forced !== environment)
      throw new ActionError(
        'set_by_organization',
        t('tokens_environmentForced', ENVIRONMENT_NAME[forced]),
      );
    const { identity, warnings } = await identifyToken(clientForToken(token, environment));
    const summary = await storeToken({
      token,
      mode,
      passphrase: mode === 'passphrase' ? passphrase : undefined,
      environment,
      identity,
    });
    return { token: summary, warnings };
  },
  'ui/tokens/remove': ({ tokenId }) => removeToken(tokenId),
  'ui/tokens/activate': ({ tokenId }) => activateToken(tokenId),
  'ui/tokens/unlock': ({ tokenId, passphrase }) => unlockToken(tokenId, passphrase),
  'ui/tokens/lock': ({ tokenId }) => lockToken(tokenId),
};
