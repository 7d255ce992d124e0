import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Builds dist/ once when it is missing or older than the sources, so every test runs the shipped bytes. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const manifest = 'dist/manifest.json';
  const stale =
    !existsSync(manifest) ||
    statSync(manifest).mtimeMs <
      Math.max(newestMtime('src'), newestMtime('public'), statSync('manifest.json').mtimeMs);
  if (stale) execSync('npx vite build', { stdio: 'inherit' });
}
