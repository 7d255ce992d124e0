import { existsSync, readdirSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// FIREFOX=1 builds the Firefox flavour into dist-firefox/.
const firefox = process.env.FIREFOX === '1';

type Manifest = Parameters<typeof crx>[0]['manifest'];

/**
 * Every page is a folder `src/<page>/index.html`. The manifest's own pages (popup, settings)
 * are built from the manifest; every other page (the confirmation window, and each page a
 * capability adds) is found here, so no page can be left out of the build.
 */
export function extraPages(): Record<string, string> {
  const fromManifest = [manifest.action.default_popup, manifest.options_ui.page];
  const pages: Record<string, string> = {};
  for (const name of readdirSync('src')) {
    const page = `src/${name}/index.html`;
    if (existsSync(page) && !fromManifest.includes(page)) pages[name] = page;
  }
  return pages;
}

/**
 * Firefox runs MV3 backgrounds as event pages (`scripts`), and AMO wants a gecko id. It reads
 * managed storage from policies.json and has no `storage.managed_schema` key.
 */
function forFirefox(source: typeof manifest): Manifest {
  const {
    minimum_chrome_version: _chromeOnly,
    storage: _chromeSchema,
    background,
    ...rest
  } = source;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: 'session-admin-for-slack@extension',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as Manifest;
}

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: firefox ? forFirefox(manifest) : (manifest as Manifest),
      browser: firefox ? 'firefox' : 'chrome',
      // The content script is bundled on its own (no loader, no dynamic import): smaller,
      // and nothing extra has to be web-accessible to Slack's pages.
      contentScripts: { standaloneFiles: ['src/features/page-controls/content/index.ts'] },
    }),
  ],
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Preload links let a page fetch all its chunks in one round trip; no inline polyfill (CSP).
    modulePreload: { polyfill: false },
    rollupOptions: { input: extraPages() },
  },
  server: { port: 5173, strictPort: true },
});
