import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ICON_SIZES, problemsInBuild } from './build-check';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icons/icon-${size}.png`]));

/** A built folder holding the project's real icons and the given manifest. */
function built(manifest: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-check-'));
  made.push(dir);
  mkdirSync(join(dir, 'icons'));
  for (const size of ICON_SIZES)
    copyFileSync(`public/icons/icon-${size}.png`, join(dir, `icons/icon-${size}.png`));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('a built folder', () => {
  it("passes with package.json's version and the icons 16, 32, 48 and 128 at their sizes", () => {
    expect(problemsInBuild(built({ version: '1.2.3', icons }), '1.2.3')).toEqual([]);
  });

  it('fails with another version', () => {
    expect(problemsInBuild(built({ version: '1.2.2', icons }), '1.2.3')).toEqual([
      expect.stringMatching(/version 1\.2\.2, package\.json 1\.2\.3/),
    ]);
  });

  it('fails when a size is missing, an icon file is absent, or its size is not its name', () => {
    const { 48: _, ...without48 } = icons;
    const dir = built({
      version: '1',
      icons: { ...without48, 128: 'icons/icon-32.png' },
      action: { default_icon: { 16: 'icons/gone.png' } },
    });
    expect(problemsInBuild(dir, '1')).toEqual([
      expect.stringMatching(/no 48×48 icon/),
      expect.stringMatching(/icon-32\.png is 32×32, named for 128×128/),
      expect.stringMatching(/lacks the icon icons\/gone\.png/),
    ]);
  });
});
