/**
 * The promise-based `browser.*` extension API. Chrome (from 148) and Firefox provide it
 * natively, and there webextension-polyfill is a no-op that still costs every bundle ~3 KB
 * gzipped; so the manifest requires Chrome 148 and only the polyfill's types are used.
 */
import type { Browser } from 'webextension-polyfill';

const browser = (globalThis as unknown as { browser: Browser }).browser;

export default browser;
