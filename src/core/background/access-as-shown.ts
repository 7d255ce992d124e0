/** Acting only for the org a page showed, never for one that became active since. */

import { t } from '../../shared/i18n';
import { ActionError } from './errors';
import { type OrgAccess, orgAccess } from './slack-access';
import type { ClientListeners } from './slack-clients';
import { listTokens } from './vault/vault';

/**
 * The org the admin saw when they confirmed: if another one became active meanwhile (another
 * window switched it), nothing is sent to either.
 */
export async function accessAsShown(
  tokenId: string,
  listeners?: ClientListeners,
): Promise<OrgAccess> {
  if ((await listTokens()).activeId !== tokenId) {
    throw new ActionError('org_changed', t('core_orgChanged'));
  }
  return orgAccess(tokenId, listeners);
}
