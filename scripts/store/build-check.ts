/**
 * What a store checks in a built folder before anything else: the version is package.json's,
 * and every icon the manifest names is there, a PNG, and as large as its key says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header, or undefined when the bytes are no PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (data.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

interface BuiltManifest {
  version?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}

export function problemsInBuild(dir: string, version: string): string[] {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return [`${dir} has no manifest.json: build it first`];
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BuiltManifest;
  const problems: string[] = [];
  if (manifest.version !== version)
    problems.push(`${path} says version ${manifest.version}, package.json ${version}`);
  const icons = manifest.icons ?? {};
  for (const size of ICON_SIZES)
    if (!icons[size]) problems.push(`${path} names no ${size}×${size} icon`);
  const named = [...Object.entries(icons), ...Object.entries(manifest.action?.default_icon ?? {})];
  for (const [key, file] of named) {
    const iconPath = join(dir, file);
    if (!existsSync(iconPath)) {
      problems.push(`${dir} lacks the icon ${file}`);
      continue;
    }
    const size = pngSize(readFileSync(iconPath));
    if (!size) problems.push(`${iconPath} is not a PNG`);
    else if (size.width !== Number(key) || size.height !== Number(key))
      problems.push(`${iconPath} is ${size.width}×${size.height}, named for ${key}×${key}`);
  }
  return problems;
}
