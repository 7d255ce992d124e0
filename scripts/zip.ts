/**
 * Packs dist/ into release/session-admin-for-slack-<version>.zip for the Chrome Web Store
 * (and AMO, from dist-firefox/ with `--firefox`). A plain deflate zip writer, no dependency.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

const firefox = process.argv.includes('--firefox');
const source = firefox ? 'dist-firefox' : 'dist';
const { version } = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8')) as {
  version: string;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
    )
    .sort();
}

// A fixed timestamp (1980-01-01) keeps the archive byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

const locals: Buffer[] = [];
const centrals: Buffer[] = [];
let offset = 0;
for (const file of filesUnder(source)) {
  const name = Buffer.from(relative(source, file).split('\\').join('/'));
  const data = readFileSync(file);
  const packed = deflateRawSync(data, { level: 9 });
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  local.copy(central, 8, 6, 28);
  central.writeUInt32LE(offset, 42);
  locals.push(local, name, packed);
  centrals.push(central, name);
  offset += local.length + name.length + packed.length;
}
const directory = Buffer.concat(centrals);
const end = Buffer.alloc(22);
end.writeUInt32LE(0x06054b50, 0);
end.writeUInt16LE(centrals.length / 2, 8);
end.writeUInt16LE(centrals.length / 2, 10);
end.writeUInt32LE(directory.length, 12);
end.writeUInt32LE(offset, 16);

mkdirSync('release', { recursive: true });
const target = join(
  'release',
  `session-admin-for-slack-${version}${firefox ? '-firefox' : ''}.zip`,
);
writeFileSync(target, Buffer.concat([...locals, directory, end]));
console.log(`${target}: ${statSync(target).size} bytes, ${centrals.length / 2} files`);
