/**
 * The one test command (`npm test`): typecheck, lint, unit tests, both builds (the Firefox one
 * with Mozilla's linter), end-to-end tests in Chromium, then the end-to-end run in Firefox.
 * Every step runs even if an earlier one failed, so one run shows everything; the last line
 * is the plain summary `N passed, N failed` (checks count as one test each).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORTS = 'reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

interface Tally {
  passed: number;
  failed: number;
}

function run(
  title: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): boolean {
  console.log(`\n── ${title} ──`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}

const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const check = (name: string, ok: boolean) => {
  if (ok) total.passed++;
  else {
    total.failed++;
    failures.push(name);
  }
};

/** A vitest run's JSON report; its counts join the total. */
function vitestCounts(report: string, ok: boolean, name: string): void {
  const counts = readJson<{ numPassedTests: number; numFailedTests: number }>(report);
  total.passed += counts?.numPassedTests ?? 0;
  total.failed += counts?.numFailedTests ?? 0;
  if (!ok && !counts?.numFailedTests) check(name, false);
}

check('typecheck', run('Typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']));
check('lint', run('Lint, format and layering', 'npm', ['run', '--silent', 'lint']));

const unitOk = run('Unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/unit.json`,
]);
vitestCounts(`${REPORTS}/unit.json`, unitOk, 'unit test run');

const built = run('Build', 'npm', ['run', 'build', '--silent']);
check('build', built);

// What AMO checks on upload: errors, and warnings the README does not justify, fail.
const builtForFirefox = run('Build for Firefox', 'npm', ['run', 'build:firefox', '--silent']);
check('build for Firefox', builtForFirefox);
if (built && builtForFirefox)
  check(
    'builds for the stores',
    run('Version and icons of both builds', 'npx', [
      'tsx',
      'scripts/check-builds.ts',
      'dist',
      'dist-firefox',
    ]),
  );
if (builtForFirefox)
  check(
    'web-ext lint',
    run('web-ext lint (Firefox build)', 'npm', ['run', '--silent', 'lint:firefox']),
  );

interface E2eReport {
  stats: { expected: number; unexpected: number; flaky: number };
}

/** One Playwright project; its counts join the total. */
function e2e(project: string, title: string): void {
  const report = `${REPORTS}/e2e-${project}.json`;
  const ok = run(
    title,
    'npx',
    ['playwright', 'test', `--project=${project}`, '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_FILE: report,
    },
  );
  const stats = readJson<E2eReport>(report)?.stats;
  total.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  total.failed += stats?.unexpected ?? 0;
  if (!ok && !stats?.unexpected) check(`end-to-end run (${project})`, false);
}

if (built) {
  e2e('e2e', 'End-to-end tests');
  // Alone, once the others are done: see playwright.config.ts.
  e2e('paced', 'End-to-end tests of pacing');
}

// The Firefox build was made (and linted) above.
if (builtForFirefox) {
  const report = `${REPORTS}/firefox.json`;
  const ok = run('End-to-end tests in Firefox', 'npx', [
    'vitest',
    'run',
    '--config',
    'vitest.firefox.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  vitestCounts(report, ok, 'end-to-end run (Firefox)');
}

if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
const summary = `${total.passed} passed, ${total.failed} failed`;
writeFileSync(`${REPORTS}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(total.failed === 0 ? 0 : 1);
