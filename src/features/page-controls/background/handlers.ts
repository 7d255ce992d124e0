/** What the content script on an admin page may ask: to confirm a reset, and markup hints. */
import type { HandlersFor } from '../../../core/background/router';
import { shortTitle } from '../../../shared/format';
import { openConfirmation } from '../../confirm/background/confirmations';
import { orgOfPage } from '../../confirm/background/page-org';
import { getPreferences } from '../../settings/background/preferences';
import type { pageControlRequests } from '../messages';

export const pageControlHandlers: HandlersFor<typeof pageControlRequests> = {
  'content/config/get': async () => ({
    extraMemberSelectors: (await getPreferences()).extraMemberSelectors,
  }),
  'content/reset/ask': async ({ userId }, page) => {
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
