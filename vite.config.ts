import { existsSync, readdirSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { chromeManifest, firefoxManifest } from './scripts/store/manifests.ts';

// FIREFOX=1 builds the Firefox flavour into dist-firefox/; both manifests come from
// scripts/store/manifests.ts (the version from package.json).
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

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: (firefox ? firefoxManifest() : chromeManifest()) as unknown as Manifest,
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
