/**
 * `npm run package`: everything a release needs, in packages/ —
 *   session-admin-for-slack-<version>-chrome.zip    the Chrome Web Store (and Edge) upload
 *   session-admin-for-slack-<version>-firefox.zip   the AMO upload
 *   session-admin-for-slack-<version>-source.zip    the source AMO asks for (BUILD.md inside)
 *   SHA256SUMS                                      `sha256sum -c SHA256SUMS` checks them
 * Both flavours are built afresh; a build whose version or icons are wrong, or a Firefox build
 * AMO's linter would flag, stops it before anything is written.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemsInBuild } from './store/build-check';
import { describeLint, lintFirefoxBuild } from './store/firefox-lint';
import { sourceEntries, uncommittedChanges } from './store/source-files';
import { entriesUnder, zip } from './store/zip';

const OUT = 'packages';
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function build(firefox: boolean): string {
  const { FIREFOX: _, ...env } = process.env;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: firefox ? { ...env, FIREFOX: '1' } : env,
  });
  if (result.status !== 0) fail([`The ${firefox ? 'Firefox' : 'Chrome'} build failed.`]);
  return firefox ? 'dist-firefox' : 'dist';
}

const chrome = build(false);
const firefox = build(true);
const problems = [...problemsInBuild(chrome, version), ...problemsInBuild(firefox, version)];
if (problems.length > 0) fail(problems);

const lint = lintFirefoxBuild(firefox);
for (const line of describeLint(lint)) console.log(line);
if (lint.judgement.failures.length > 0) fail(['The Firefox build would be flagged by AMO.']);

const changed = uncommittedChanges('.');
if (changed.length > 0)
  console.warn(`Note: the source zip holds ${changed.length} uncommitted change(s).`);

const base = `${name}-${version}`;
const packages: Record<string, Buffer> = {
  [`${base}-chrome.zip`]: zip(entriesUnder(chrome)),
  [`${base}-firefox.zip`]: zip(entriesUnder(firefox)),
  [`${base}-source.zip`]: zip(sourceEntries('.', base)),
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sums: string[] = [];
for (const [file, data] of Object.entries(packages)) {
  writeFileSync(join(OUT, file), data);
  sums.push(`${createHash('sha256').update(data).digest('hex')}  ${file}`);
}
writeFileSync(join(OUT, 'SHA256SUMS'), `${sums.join('\n')}\n`);

console.log(`\n${OUT}/`);
for (const file of [...Object.keys(packages), 'SHA256SUMS']) {
  const size = readFileSync(join(OUT, file)).length;
  console.log(`  ${file.padEnd(48)} ${size.toLocaleString('en').padStart(9)} bytes`);
}
