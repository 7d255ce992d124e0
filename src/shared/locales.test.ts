/** Every locale says everything English says, with the same blanks to fill, and nothing else. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../test/support/i18n';

const LOCALES = readdirSync('public/_locales');
const english = readCatalogue('en');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('are English and German', () => {
    expect(LOCALES.sort()).toEqual(['de', 'en']);
  });

  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(readCatalogue(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s fills the same placeholders with the same substitutions', (locale) => {
    for (const [key, entry] of Object.entries(readCatalogue(locale))) {
      const source = english[key]!;
      expect(placeholderNames(entry.message), key).toEqual(placeholderNames(source.message));
      const contents = (e: typeof entry) =>
        Object.fromEntries(
          Object.entries(e.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
        );
      expect(contents(entry), key).toEqual(contents(source));
      // Every placeholder named in the text is declared; none is declared and left unused.
      expect(Object.keys(contents(entry)).sort(), key).toEqual([
        ...new Set(placeholderNames(entry.message)),
      ]);
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('uses every English key somewhere, and the manifest only keys that exist', () => {
    const code = [...sources('src'), 'manifest.json']
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = Object.keys(english).filter((key) => !code.includes(key));
    expect(unused).toEqual([]);
    const inManifest = [...readFileSync('manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/g)];
    for (const [, key] of inManifest) expect(english, key).toHaveProperty(key!);
  });
});
