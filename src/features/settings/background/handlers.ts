/** Preferences, read and changed from the settings page. */
import type { HandlersFor } from '../../../core/background/router';
import type { settingsRequests } from '../messages';
import { getPreferences, setPreferences } from './preferences';

export const settingsHandlers: HandlersFor<typeof settingsRequests> = {
  'ui/settings/get': () => getPreferences(),
  'ui/settings/set': ({ preferences }) => setPreferences(preferences),
};
