import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };
import { extraPages } from '../vite.config';

it('builds every page folder: the manifest names two, the build finds the rest', () => {
  const pageFolders = readdirSync('src', { recursive: true })
    .map(String)
    .filter((path) => /^[^/]+\/index\.html$/.test(path))
    .map((path) => `src/${path}`);
  const built = [
    manifest.action.default_popup,
    manifest.options_ui.page,
    ...Object.values(extraPages()),
  ];
  expect(built.sort()).toEqual(pageFolders.sort());
  expect(Object.values(extraPages())).toContain('src/confirm/index.html');
});
