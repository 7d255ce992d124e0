import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zip } from './zip';

/** Reads an archive back through its central directory, as an unzip tool does. */
function unzip(archive: Buffer): { name: string; data: string; mode: number; date: number }[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = [];
  for (let i = 0; i < count; i++) {
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    const packedSize = archive.readUInt32LE(at + 20);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26);
    files.push({
      name,
      data: inflateRawSync(archive.subarray(dataStart, dataStart + packedSize)).toString(),
      mode: (archive.readUInt32LE(at + 38) >>> 16) & 0o777,
      date: archive.readUInt16LE(at + 14),
    });
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
}

const entries = [
  { name: 'src/b.ts', data: Buffer.from('export const b = 2;\n') },
  { name: '.ci/run', data: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
  { name: 'manifest.json', data: Buffer.from('{"name":"Ä"}') },
];

describe('the zip writer', () => {
  it('gives back every file with its content and mode', () => {
    const files = unzip(zip(entries));
    expect(files.map(({ name, data, mode }) => [name, data, mode])).toEqual([
      ['.ci/run', '#!/bin/sh\n', 0o755],
      ['manifest.json', '{"name":"Ä"}', 0o644],
      ['src/b.ts', 'export const b = 2;\n', 0o644],
    ]);
  });

  it('gives the same bytes for the same files, whatever their order, dated 1980-01-01', () => {
    const once = zip(entries);
    expect(zip([...entries].reverse()).equals(once)).toBe(true);
    expect(new Set(unzip(once).map((file) => file.date))).toEqual(new Set([(1 << 5) | 1]));
  });

  it('changes when a file does', () => {
    const changed = entries.map((e) =>
      e.name === 'src/b.ts' ? { ...e, data: Buffer.from('3') } : e,
    );
    expect(zip(changed).equals(zip(entries))).toBe(false);
  });
});
