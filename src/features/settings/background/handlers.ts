/** Preferences, read and changed from the settings page, and the organization's policy. */
import { ActionError } from '../../../core/background/errors';
import type { HandlersFor } from '../../../core/background/router';
import { t } from '../../../shared/i18n';
import type { settingsRequests } from '../messages';
import { getOrgPolicy } from './org-policy';
import { getPreferences, setPreferences } from './preferences';

export const settingsHandlers: HandlersFor<typeof settingsRequests> = {
  'ui/settings/get': () => getPreferences(),
  'ui/settings/set': async ({ preferences }) => {
    // The control is disabled; a page that sends it anyway is told why nothing changed.
    if (preferences.confirmBeforeReset === false && (await getOrgPolicy()).confirmBeforeReset)
      throw new ActionError('set_by_organization', t('settings_confirmForced'));
    return setPreferences(preferences);
  },
  'ui/settings/policy': () => getOrgPolicy(),
};
