/** Preferences, read and changed from the settings page. */
import type { HandlersFor } from '../../../core/background/router';
import type { settingsRequests } from '../messages';
import { getPreferences, setPreferences } from './preferences';

const PAGE = ['extension-page'] as const;

export const settingsHandlers: HandlersFor<typeof settingsRequests> = {
  'ui/settings/get': { from: PAGE, handle: () => getPreferences() },
  'ui/settings/set': { from: PAGE, handle: ({ preferences }) => setPreferences(preferences) },
};
