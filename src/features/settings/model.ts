/** Typed preferences with defaults (kept in the extension's IndexedDB; nothing secret in here). */
import { type DeviceScope, isDeviceScope } from '../../shared/scope';
import { selectorStructureProblem } from './selectors';

export interface Preferences {
  /** Ask before a reset from the popup or the right-click menu (page buttons always ask). */
  confirmBeforeReset: boolean;
  defaultScope: DeviceScope;
  /** Extra CSS selectors for member rows, for when Slack changes its admin markup. */
  extraMemberSelectors: string[];
}

export const DEFAULT_PREFERENCES: Preferences = {
  confirmBeforeReset: true,
  defaultScope: 'all',
  extraMemberSelectors: [],
};

/** Keeps only well-formed fields: storage may hold an older or hand-edited shape. */
export function normalisePreferences(raw: unknown): Preferences {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    confirmBeforeReset:
      typeof value.confirmBeforeReset === 'boolean'
        ? value.confirmBeforeReset
        : DEFAULT_PREFERENCES.confirmBeforeReset,
    defaultScope: isDeviceScope(value.defaultScope)
      ? value.defaultScope
      : DEFAULT_PREFERENCES.defaultScope,
    extraMemberSelectors: Array.isArray(value.extraMemberSelectors)
      ? value.extraMemberSelectors
          // One saved before selectors were checked must not reach a content script.
          .filter(
            (s): s is string =>
              typeof s === 'string' && s.trim() !== '' && !selectorStructureProblem(s),
          )
          .slice(0, 20)
      : [],
  };
}
