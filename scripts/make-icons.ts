/**
 * Draws the toolbar icon (a white "power" glyph on Slack aubergine) into public/icons at
 * every manifest size. Run once after changing the design: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const BACKGROUND = [0x4a, 0x15, 0x4b];
const SAMPLES = 4;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Coverage of the shape at a point in a unit square: 0 outside, 1 background, 2 glyph. */
function shapeAt(x: number, y: number): 0 | 1 | 2 {
  const r = 0.22;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const dx = x - 0.5;
  const dy = y - 0.54;
  const distance = Math.hypot(dx, dy);
  const ring = Math.abs(distance - 0.25) < 0.055 && !(dy < 0 && Math.abs(dx) < 0.13);
  const bar = Math.abs(dx) < 0.055 && y > 0.17 && y < 0.52;
  return ring || bar ? 2 : 1;
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const hit = shapeAt(
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
          );
          if (hit > 0) inside++;
          if (hit === 2) glyph++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const mix = inside === 0 ? 0 : glyph / inside;
      const offset = 1 + px * 4;
      for (let c = 0; c < 3; c++)
        row[offset + c] = Math.round(BACKGROUND[c]! * (1 - mix) + 255 * mix);
      row[offset + 3] = Math.round((255 * inside) / total);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
