import { describe, expect, it } from 'vitest';
import { sourceEntries } from './source-files';

describe('the source zip AMO gets', () => {
  const entries = sourceEntries('.', 'top');
  const names = entries.map((entry) => entry.name);

  it('holds what the build needs, with the build instructions, under one folder', () => {
    for (const file of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts'])
      expect(names).toContain(`top/${file}`);
    expect(names).toContain('top/BUILD.md');
    expect(names).toContain('top/src/background/index.ts');
    expect(names.every((name) => name.startsWith('top/'))).toBe(true);
  });

  it('holds nothing built, installed or local', () => {
    expect(
      names.filter((name) => /^top\/(node_modules|dist|dist-firefox|packages)\//.test(name)),
    ).toEqual([]);
  });

  it('keeps the CI script runnable', () => {
    expect(entries.find((entry) => entry.name === 'top/.ci/run')?.mode).toBe(0o755);
  });
});
