import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// FIREFOX=1 builds the Firefox flavour into dist-firefox/ (crxjs rewrites the background key).
const firefox = process.env.FIREFOX === '1';

export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifest as Parameters<typeof crx>[0]['manifest'],
      browser: firefox ? 'firefox' : 'chrome',
      // The content script is bundled on its own (no loader, no dynamic import): smaller,
      // and nothing extra has to be web-accessible to Slack's pages.
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    rollupOptions: {
      input: {
        confirm: 'src/confirm/index.html',
      },
    },
  },
  server: { port: 5173, strictPort: true },
});
