/**
 * The source AMO asks for: every file git tracks (so nothing built, installed or local), read
 * as it is in the working tree, under one top folder, with its executable bit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZipEntry } from './zip';

export function trackedFiles(root: string): { path: string; executable: boolean }[] {
  const listing = execFileSync('git', ['ls-files', '--stage', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      // "<mode> <object> <stage>\t<path>"
      const [info = '', path = ''] = line.split('\t');
      return { path, executable: info.startsWith('100755') };
    })
    .filter(({ path }) => existsSync(join(root, path)));
}

/** Tracked files changed since the last commit: the source zip then holds them as they are. */
export function uncommittedChanges(root: string): string[] {
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: root,
    encoding: 'utf8',
  });
  return status.split('\n').filter(Boolean);
}

export function sourceEntries(root: string, folder: string): ZipEntry[] {
  return trackedFiles(root).map(({ path, executable }) => ({
    name: `${folder}/${path}`,
    data: readFileSync(join(root, path)),
    mode: executable ? 0o755 : 0o644,
  }));
}
