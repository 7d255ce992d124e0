/**
 * `npm run bench`: builds dist/, then measures bundle sizes, popup start-up, the cost of one
 * reset, the content script on a 5,000-member admin page and pacing under Slack's rate limit,
 * against the local fake Slack in one headless Chromium; the Sessions page against orgs of
 * its own (a Chromium each) and its filtering in Node; then bulk jobs, run by the real runner
 * in Node against a fake of their own. Prints a table, writes bench/results.json, and exits
 * non-zero when a budget is missed.
 *
 * `npm run bench -- --only "session search"` runs just the sections whose name contains that
 * text (any case).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakeSlack, startFakeSlack } from '../test/fake-slack';
import { chromiumPath } from '../test/support/launch-extension';
import { measureAdminPage } from './admin-page';
import { type BaselineExtension, prepareBaselineExtension } from './baseline-extension';
import { measureBulkJobs } from './bulk-jobs';
import { measureBulkPage } from './bulk-page';
import { measureBundleSizes, readManifest } from './bundle-sizes';
import { generatedMembers, MemberPool } from './members';
import { measurePopupReady } from './popup-ready';
import { measureRatePacing } from './rate-pacing';
import { type Environment, formatTable, judge, type Row, writeResults } from './report';
import { measureResetOverhead } from './reset-overhead';
import { type BenchSession, checkTokenWorks, saveAdminToken, startSession } from './session';
import { measureSessionFiltering } from './session-filter';
import { measureSessionLoading, measureSessionRendering } from './session-search';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const RESULTS = join(ROOT, 'bench', 'results.json');

/** `--only TEXT`: the sections to run, by part of their name. */
function onlyFilter(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--only');
  if (at === -1) return undefined;
  const text = argv[at + 1];
  if (!text) throw new Error('--only needs part of a section name');
  return text.toLowerCase();
}
const ONLY = onlyFilter(process.argv.slice(2));

function build(): void {
  process.stdout.write('Building dist/ … ');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stdout.write('failed\n');
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error('npm run build failed');
  }
  process.stdout.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** A section that throws becomes one failing row; the others still run. */
async function section(
  rows: Row[],
  name: string,
  run: () => Promise<Row | Row[]> | Row | Row[],
): Promise<void> {
  if (ONLY && !name.toLowerCase().includes(ONLY)) return;
  process.stdout.write(`${name} … `);
  const started = Date.now();
  try {
    const produced = await run();
    rows.push(...(Array.isArray(produced) ? produced : [produced]));
    process.stdout.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stdout.write('error\n');
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    rows.push({
      name: `${name}: not measured`,
      value: Number.NaN,
      unit: 'ms',
      forceFail: `${message};`,
      note: 'the measurement did not complete',
    });
  }
}

let fake: FakeSlack | undefined;
let session: BenchSession | undefined;
let copy: BaselineExtension | undefined;
let profileDir: string | undefined;
let cleaning: Promise<void> | undefined;

/** Directories this run created; removed even when something calls process.exit(). */
function removeDirectories(): void {
  copy?.remove();
  copy = undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  profileDir = undefined;
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    await session?.browser.close().catch(() => undefined);
    await fake?.close().catch(() => undefined);
    removeDirectories();
  })();
  return cleaning;
}

// Playwright kills the browser and exits on SIGINT/SIGTERM once one is running; before that,
// these handlers stop what was started. The exit hook removes the temporary directories.
process.on('exit', removeDirectories);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const started = performance.now();
  build();
  const rows: Row[] = [];
  await section(rows, 'Bundle sizes', async () => measureBundleSizes(DIST));

  const manifest = readManifest(DIST);
  const popupPage = manifest.action?.default_popup;
  const optionsPage = manifest.options_ui?.page ?? manifest.options_page;
  if (!popupPage || !optionsPage)
    throw new Error('dist/manifest.json lacks a popup or options page');

  copy = prepareBaselineExtension(DIST);
  fake = await startFakeSlack();
  profileDir = mkdtempSync(join(tmpdir(), 'ssa-bench-profile-'));
  session = await startSession(fake, copy.dir, profileDir);
  await saveAdminToken(session, optionsPage);
  const s = session;
  const f = fake;
  const c = copy;
  const pool = new MemberPool(generatedMembers(f));

  /** Back to the seed (requests, limits) and proof the saved token still works. */
  const freshFake = async () => {
    f.reset();
    const page = await s.open(c.staticPage);
    try {
      await checkTokenWorks(page);
    } finally {
      await page.close();
    }
  };

  await section(rows, 'Popup ready', () => measurePopupReady(s, popupPage, c.staticPage, c.bytes));
  await section(rows, 'Single reset overhead', async () => {
    await freshFake();
    return measureResetOverhead(s, f, popupPage, pool.take(32));
  });
  await section(rows, 'Admin page cost', () => measureAdminPage(s));
  await section(rows, 'Bulk page', () => measureBulkPage(s));
  await section(rows, 'Rate pacing', async () => {
    await freshFake();
    return measureRatePacing(s, f, c.staticPage, pool.take(200));
  });
  const own = { extensionDir: c.dir, optionsPage };
  await section(rows, 'Session search: loading at Tier 2 (about 90 s)', () =>
    measureSessionLoading(own),
  );
  await section(rows, 'Session search: filtering in Node', () => measureSessionFiltering());
  await section(rows, 'Session search: 100,000 in the page (about a minute)', () =>
    measureSessionRendering(own),
  );
  // In Node, against a fake of its own; last, as it puts stand-ins for browser and IndexedDB
  // on this process's globals.
  await section(rows, 'Bulk jobs (about two minutes)', () => measureBulkJobs());

  const environment: Environment = {
    chromium: `Chromium ${s.chromiumVersion.replace(/^[^/]*\//, '')} (${chromiumPath()}, headless)`,
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  const judged = rows.map(judge);
  const elapsed = performance.now() - started;
  console.log('');
  console.log(
    `${environment.chromium} · ${environment.cores} cores (${environment.cpuModel}) · Node ${environment.node}`,
  );
  console.log('');
  console.log(formatTable(judged));
  const failed = judged.filter((r) => r.result === 'FAIL').length;
  console.log('');
  console.log(
    `${failed === 0 ? 'All budgets met' : `${failed} budget(s) missed`} · ${(elapsed / 1000).toFixed(1)} s · ${relative(ROOT, RESULTS)}`,
  );
  writeResults(RESULTS, environment, judged, elapsed);
  return failed === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 2;
} finally {
  await cleanUp();
}
