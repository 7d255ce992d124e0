/**
 * The two manifests the build ships, made from the one source manifest. The version is
 * package.json's and nowhere else: manifest.json has none, so the stores can never be handed
 * two different numbers.
 */
import source from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };

export type SourceManifest = typeof source;

/** The extension's ID on Firefox; AMO signs it and Firefox keeps its data under it. */
export const GECKO_ID = 'session-admin-for-slack@extension';

/**
 * The oldest Firefox the add-on declares: `data_collection_permissions` needs 140 on desktop
 * and 142 on Android, and the linter checks both against this one number (a `gecko_android`
 * key would list the add-on for Android, where it has no context menus or windows).
 */
export const FIREFOX_MIN_VERSION = '142.0';

export function chromeManifest(): Record<string, unknown> {
  return { ...source, version: pkg.version };
}

/**
 * Firefox runs MV3 backgrounds as event pages (`scripts`), and AMO wants a gecko id. It reads
 * managed storage from policies.json and has no `storage.managed_schema` key.
 */
export function firefoxManifest(): Record<string, unknown> {
  const {
    minimum_chrome_version: _chromeOnly,
    storage: _chromeSchema,
    background,
    ...rest
  } = source;
  return {
    ...rest,
    version: pkg.version,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
