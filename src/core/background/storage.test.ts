import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { openDatabase } from './idb';
import { CONTENT_SCRIPT_REACHES, STORED } from './storage';

const items = Object.entries(STORED);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the list of everything stored', () => {
  it('keeps nothing sensitive where a content script could reach it, but what is only read to be removed', () => {
    const reachable = items.filter(
      ([, item]) => item.sensitive && CONTENT_SCRIPT_REACHES[item.area] && !('legacy' in item),
    );
    expect(reachable.map(([name]) => name)).toEqual([]);
  });

  it('names each key once in its area and store', () => {
    const places = items.map(
      ([, item]) => `${item.area}/${'store' in item ? item.store : ''}/${item.key}`,
    );
    expect(new Set(places).size).toBe(places.length);
  });

  it('lists only IndexedDB stores the migrations create', async () => {
    const db = await openDatabase();
    for (const [, item] of items)
      if ('store' in item) expect([...db.objectStoreNames]).toContain(item.store);
  });

  it('is where every storage key is spelled: no code passes a key of its own', () => {
    const src = join(import.meta.dirname, '../..');
    const literalKey =
      /(?:storage\.(?:local|session)\.(?:get|set|remove)|store\.(?:get|put|add|delete))\(\s*(?:\[\s*)?(?:\{\s*)?['"`]/;
    const offenders = sourceFiles(src)
      .filter((file) => literalKey.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file));
    expect(offenders).toEqual([]);
  });
});
