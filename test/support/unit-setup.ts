/** Before every unit test file: the English catalogue behind `browser.i18n`, as in the browser. */
import { i18nFor } from './i18n';

const global = globalThis as { browser?: Record<string, unknown> };
global.browser = { ...global.browser, i18n: i18nFor('en') };
