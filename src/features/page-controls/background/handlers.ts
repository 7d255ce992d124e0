/** What the content script on an admin page may ask: to confirm a reset, and markup hints. */

import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { shortTitle } from '../../../shared/format';
import { openConfirmation } from '../../confirm/background/confirmations';
import { orgOfPage } from '../../confirm/background/page-org';
import { getOrgPolicy } from '../../settings/background/org-policy';
import { getPreferences } from '../../settings/background/preferences';
import { isAllowedAdminHost } from '../../settings/org-policy';
import type { pageControlRequests } from '../messages';

async function allowedHere(origin: string): Promise<boolean> {
  return isAllowedAdminHost(new URL(origin).hostname, await getOrgPolicy());
}

export const pageControlHandlers: HandlersFor<typeof pageControlRequests> = {
  'content/config/get': async (_, page) => ({
    extraMemberSelectors: (await getPreferences()).extraMemberSelectors,
    placeControls: await allowedHere(page.origin),
  }),
  'content/reset/ask': async ({ userId }, page) => {
    // A page the organization left out gets no buttons, and no confirmation if it asks anyway.
    if (!(await allowedHere(page.origin)))
      throw new ActionError(
        'set_by_organization',
        'Your organization does not allow this extension on this Slack page.',
      );
    // The origin is the browser's, vouched for by the classifier; URL and title are the page's.
    const org = await orgOfPage(page.origin, page.url);
    const { defaultScope } = await getPreferences();
    await openConfirmation({
      source: 'page',
      refs: [{ kind: 'id', userId }],
      scope: defaultScope,
      org,
      asker: { surface: 'page', origin: page.origin, title: shortTitle(page.tabTitle) },
      tabId: page.tabId,
      documentId: page.documentId,
    });
    return { opened: true as const };
  },
};
