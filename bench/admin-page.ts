/**
 * Admin page cost. On a workspace's server-rendered member list of 5,000 rows (the rows are
 * there when the script starts), loaded LOADS times: time from the content script's start to
 * all controls placed, the longest main-thread task meanwhile, and the frame in which the
 * first buttons appear, next to the same page's frame for a one-row change of its own. On the
 * org People app (client-rendered): the script time to place controls for 100 appended rows.
 * Read from the page's main world: the content script's User Timing entries (shared with the
 * main world), the pages' own timing, and observers installed before the page's scripts. The
 * workspace loads are awaited through a console message, not by polling the page, so nothing
 * of the bench's runs on the page's main thread while it is measured.
 */
import type { Page } from '@playwright/test';
import { SANDBOX } from '../test/fake-slack';
import type { Row } from './report';
import type { BenchSession } from './session';
import { median, round } from './stats';

const ROWS = 5000;
const APPENDED = 100;
const LOADS = 5;
const PLACED_MESSAGE = 'bench:controls-placed';
/** How long after placing the frames are still collected (the first buttons' frame). */
const AFTER_PLACED_MS = 600;
const WORKSPACE_URL = `https://${SANDBOX.teams.eng.domain}.slack.com/admin?members=${ROWS}`;
const PEOPLE_URL = `https://app.slack.com/manage/${SANDBOX.enterprise.id}/people?members=${ROWS}&pageSize=${ROWS}`;
const CONTROL = '[data-ssa-user]';

interface Span {
  start: number;
  duration: number;
}
interface Frame extends Span {
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
}
type BenchWindow = Window & {
  __benchLongTasks?: Span[];
  __benchFrames?: Frame[];
  __fakeAdmin?: { renderedAt: number; appendRows(n: number): string[] };
};

/** Runs before the page's scripts: collects long tasks and long animation frames. */
function installObservers(signal: { message: string; afterMs: number }): void {
  const w = window as BenchWindow;
  const tasks: Span[] = [];
  const frames: Frame[] = [];
  w.__benchLongTasks = tasks;
  w.__benchFrames = frames;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Chromium's long tasks leave out rendering updates (rAF callbacks, style, layout), where
  // the content script's batches run; long animation frames show them.
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const f = e as PerformanceEntry & {
          renderStart: number;
          styleAndLayoutStart: number;
          blockingDuration: number;
        };
        frames.push({
          start: f.startTime,
          duration: f.duration,
          renderStart: f.renderStart,
          styleAndLayoutStart: f.styleAndLayoutStart,
          blockingDuration: f.blockingDuration,
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  // Tells the bench the first pass is done, a while later so the frames after it are in.
  new PerformanceObserver((list) => {
    if (list.getEntriesByName('session-admin:controls-placed').length > 0)
      setTimeout(() => console.log(signal.message), signal.afterMs);
  }).observe({ type: 'mark', buffered: true });
}

interface Snapshot {
  controls: number;
  contentStart?: number;
  controlsPlaced?: number;
  /** Finding members and placing hosts. */
  batches: Span[];
  /** Watching the placed hosts for nearness, after all are placed. */
  watches: Span[];
  /** Building the buttons of hosts that came near the viewport. */
  renders: Span[];
  renderedAt: number;
  /** The document's own parse and load, from navigation timing. */
  documentLoadMs: number;
  longTasks: Span[];
  frames: Frame[];
}

function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate((selector) => {
    // No named inner functions: the bundler would wrap them in a helper the page lacks.
    const w = window as BenchWindow;
    const [batches, watches, renders] = ['batch', 'watch', 'render'].map((name) =>
      performance
        .getEntriesByName(`session-admin:${name}`)
        .map((e) => ({ start: e.startTime, duration: e.duration })),
    ) as [Span[], Span[], Span[]];
    return {
      controls: document.querySelectorAll(selector).length,
      contentStart: performance.getEntriesByName('session-admin:content-start')[0]?.startTime,
      controlsPlaced: performance.getEntriesByName('session-admin:controls-placed')[0]?.startTime,
      batches,
      watches,
      renders,
      renderedAt: w.__fakeAdmin?.renderedAt ?? 0,
      documentLoadMs: (() => {
        const nav = performance.getEntriesByType('navigation')[0] as
          | PerformanceNavigationTiming
          | undefined;
        return nav ? nav.domContentLoadedEventEnd - nav.responseStart : Number.NaN;
      })(),
      longTasks: [...(w.__benchLongTasks ?? [])],
      frames: [...(w.__benchFrames ?? [])],
    };
  }, CONTROL);
}

/** After the frame in flight has finished and observers had a chance to report it. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 50), 0)),
      ),
  );
}

async function waitForControls(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ({ selector, count }) => document.querySelectorAll(selector).length >= count,
    { selector: CONTROL, count },
    { polling: 20, timeout: 60_000 },
  );
}

const end = (s: Span) => s.start + s.duration;
const overlaps = (s: Span, from: number, to: number) => s.start < to && end(s) > from;

/** Main-thread tasks as the page saw them: long tasks, plus each frame's rAF-callback phase. */
function tasksIn(snap: Snapshot, from: number, to: number) {
  const rafPhases: Span[] = snap.frames
    .filter((f) => f.renderStart > 0)
    .map((f) => ({
      start: f.renderStart,
      duration: (f.styleAndLayoutStart > 0 ? f.styleAndLayoutStart : end(f)) - f.renderStart,
    }));
  const longTasks = snap.longTasks.filter((t) => overlaps(t, from, to));
  return {
    longTasks,
    rafPhases: rafPhases.filter((t) => overlaps(t, from, to)),
  };
}

interface Load {
  toPlaced: number;
  toWatched: number;
  toFirstButtons: number;
  /** Finding members and placing their hosts. */
  scriptMs: number;
  /** Watching the placed hosts for nearness. */
  watchMs: number;
  /** The longest task the content script ran in, up to the first buttons. */
  longest: Span;
  /** The longest task of any kind meanwhile. */
  longestOfPage: Span;
  /** The longest frame after all were placed: the one that shows the first buttons. */
  buttonsFrame: Frame | undefined;
  /** The same page's frame after it changes one row's text itself. */
  pageChangeFrame: Frame | undefined;
  controls: number;
  snap: Snapshot;
  placedAt: number;
}

const longestFrame = (frames: readonly Frame[]) =>
  frames.reduce<Frame | undefined>((a, b) => (a && a.duration >= b.duration ? a : b), undefined);

/** One fresh load of the 5,000-row workspace page, awaited without touching the page. */
async function loadWorkspacePage(session: BenchSession): Promise<Load> {
  const page = await session.browser.context.newPage();
  try {
    await page.addInitScript(installObservers, {
      message: PLACED_MESSAGE,
      afterMs: AFTER_PLACED_MS,
    });
    const placedSignal = page.waitForEvent('console', {
      predicate: (m) => m.text() === PLACED_MESSAGE,
      timeout: 60_000,
    });
    await page.goto(WORKSPACE_URL);
    await placedSignal;
    const snap = await snapshot(page);
    if (snap.contentStart === undefined) throw new Error('no session-admin:content-start mark');
    if (snap.controlsPlaced === undefined) throw new Error('no session-admin:controls-placed mark');
    // The mark follows the batch that put the last host of the page's first pass in.
    const placedAt = snap.controlsPlaced;
    const watchedAt = Math.max(placedAt, ...snap.watches.map(end));
    const firstButtonsAt = snap.renders[0] ? end(snap.renders[0]) : Number.NaN;
    const scriptEnd = Math.max(watchedAt, Number.isNaN(firstButtonsAt) ? 0 : firstButtonsAt);
    const during = tasksIn(snap, snap.contentStart, scriptEnd);
    const none = { start: snap.contentStart, duration: 0 };
    const longestOf = (spans: Span[]) =>
      spans.reduce((a, b) => (b.duration > a.duration ? b : a), none);
    const all = [...during.longTasks, ...during.rafPhases];
    // The tasks the content script ran in (placing, watching, building the first buttons); the
    // page's own (its first paint may still be under way at injection) are reported apart.
    const scriptSpans = [...snap.batches, ...snap.watches, ...snap.renders];
    const ours = all.filter((t) => scriptSpans.some((b) => overlaps(t, b.start, end(b))));
    const afterPlaced = snap.frames.filter((f) => f.start + f.duration > watchedAt);
    // The page changes one row itself: what any change to this table costs it.
    const before = snap.frames.length;
    await page.evaluate(() => {
      const link = document.querySelector('tr[data-member-id] a');
      if (link) link.textContent = `${link.textContent} `;
    });
    await settle(page);
    const later = await snapshot(page);
    return {
      toPlaced: placedAt - snap.contentStart,
      toWatched: watchedAt - snap.contentStart,
      toFirstButtons: firstButtonsAt - snap.contentStart,
      scriptMs: snap.batches.reduce((sum, b) => sum + b.duration, 0),
      watchMs: snap.watches.reduce((sum, b) => sum + b.duration, 0),
      longest: longestOf(ours),
      longestOfPage: longestOf(all),
      buttonsFrame: longestFrame(afterPlaced),
      pageChangeFrame: longestFrame(later.frames.slice(before)),
      controls: snap.controls,
      snap,
      placedAt,
    };
  } finally {
    await page.close();
  }
}

export async function measureAdminPage(session: BenchSession): Promise<Row[]> {
  const loads: Load[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await loadWorkspacePage(session));
  const toPlaced = median(loads.map((l) => l.toPlaced));
  const toFirstButtons = median(loads.map((l) => l.toFirstButtons));
  const worstTask = Math.max(...loads.map((l) => l.longest.duration));
  const buttonsFrame = median(loads.map((l) => l.buttonsFrame?.duration ?? 0));
  const pageChangeFrame = median(loads.map((l) => l.pageChangeFrame?.duration ?? Number.NaN));
  const pageRender = median(loads.map((l) => l.snap.documentLoadMs));
  const controls = Math.min(...loads.map((l) => l.controls));
  const typical = [...loads].sort((a, b) => a.toPlaced - b.toPlaced)[loads.length >> 1]!;
  const first = typical.snap;

  const page = await session.browser.context.newPage();
  try {
    // The People app: 5,000 client-rendered rows, then 100 more appended without a redraw.
    await page.goto(PEOPLE_URL);
    await waitForControls(page, ROWS);
    await settle(page);
    // 100 more rows, appended by the page without a redraw.
    const append = await page.evaluate((n) => {
      const admin = (window as BenchWindow).__fakeAdmin!;
      const t0 = performance.now();
      const ids = admin.appendRows(n);
      return { t0, pageMs: admin.renderedAt - t0, ids };
    }, APPENDED);
    await waitForControls(page, ROWS + APPENDED);
    await settle(page);
    const second = await snapshot(page);
    // Placing and watching the appended rows' hosts.
    const appendBatches = [...second.batches, ...second.watches].filter(
      (b) => b.start >= append.t0,
    );
    const appendScript = appendBatches.reduce((sum, b) => sum + b.duration, 0);
    const perIdOk = await page.evaluate(
      (ids) => ids.every((id) => document.querySelectorAll(`[data-ssa-user="${id}"]`).length === 1),
      append.ids,
    );

    const breakdown = {
      loads: loads.map((l) => ({
        toPlacedMs: round(l.toPlaced),
        toFirstButtonsMs: round(l.toFirstButtons),
        scriptMs: round(l.scriptMs),
        watchMs: round(l.watchMs),
        longestTaskMs: round(l.longest.duration),
        buttonsFrameMs: l.buttonsFrame ? round(l.buttonsFrame.duration) : null,
        pageChangeFrameMs: l.pageChangeFrame ? round(l.pageChangeFrame.duration) : null,
      })),
      medianLoad: {
        contentStartMs: round(first.contentStart!),
        batches: first.batches.map((b) => ({
          startMs: round(b.start),
          durationMs: round(b.duration),
        })),
        allPlacedAtMs: round(typical.placedAt),
        watches: first.watches.map((b) => ({
          startMs: round(b.start),
          durationMs: round(b.duration),
        })),
      },
    };
    const renderBaseline = { label: 'page load', value: pageRender, unit: 'ms' as const };
    const frameOf = (f: Frame | undefined) =>
      f
        ? {
            frameMs: round(f.duration),
            blockingMs: round(f.blockingDuration),
            rafCallbacksMs: round(f.styleAndLayoutStart - f.renderStart),
            styleAndLayoutMs: round(end(f) - f.styleAndLayoutStart),
          }
        : null;

    return [
      {
        name: `Admin page: start → ${ROWS} placed (median of ${LOADS})`,
        value: toPlaced,
        unit: 'ms',
        baseline: renderBaseline,
        ratio: toPlaced / pageRender,
        budget: { on: 'value', op: '<=', limit: 150 },
        note: `server-rendered ${ROWS}-row member list, ${LOADS} fresh loads: session-admin:content-start → session-admin:controls-placed (every host in the page); per load ${loads.map((l) => round(l.toPlaced)).join(', ')} ms; script ${loads.map((l) => round(l.scriptMs)).join(', ')} ms`,
        details: breakdown,
      },
      {
        name: `Admin page: start → first buttons built`,
        value: toFirstButtons,
        unit: 'ms',
        baseline: renderBaseline,
        ratio: toFirstButtons / pageRender,
        note: `median of ${LOADS}: content-start → end of the first session-admin:render (buttons near the viewport built); in between, the placed hosts are watched for nearness in slices (session-admin:watch, ${loads.map((l) => round(l.watchMs)).join(', ')} ms of script)`,
        details: {
          perLoadMs: loads.map((l) => round(l.toFirstButtons)),
          watchedByMs: loads.map((l) => round(l.toWatched)),
        },
      },
      {
        name: `Admin page: longest task of the script (worst of ${LOADS})`,
        value: worstTask,
        unit: 'ms',
        baseline: renderBaseline,
        ratio: worstTask / pageRender,
        budget: { on: 'value', op: '<=', limit: 50 },
        note: `longest main-thread task the content script ran in (one overlapping a session-admin:batch, :watch or :render) from its start to its first buttons, in any of the ${LOADS} loads: 'longtask' entries and rAF-callback phases of 'long-animation-frame' entries (long tasks omit them); per load ${loads.map((l) => round(l.longest.duration)).join(', ')} ms; longest task of any kind meanwhile ${loads.map((l) => round(l.longestOfPage.duration)).join(', ')} ms`,
        details: {
          perLoadMs: loads.map((l) => round(l.longest.duration)),
          anyTaskPerLoadMs: loads.map((l) => round(l.longestOfPage.duration)),
        },
      },
      {
        name: `Admin page: frame showing first buttons`,
        value: buttonsFrame,
        unit: 'ms',
        baseline: { label: 'page changes 1 row', value: pageChangeFrame, unit: 'ms' },
        ratio: buttonsFrame / pageChangeFrame,
        note: `longest animation frame after all were placed and watched (the page's layout once the buttons near the viewport are built), median of ${LOADS}; baseline: the same page's frame after it changes one row's text itself`,
        details: {
          typicalButtonsFrame: frameOf(typical.buttonsFrame),
          typicalPageChangeFrame: frameOf(typical.pageChangeFrame),
        },
      },
      {
        name: `Admin page: controls placed`,
        value: controls,
        unit: 'count',
        budget: { on: 'value', op: '=', limit: ROWS },
        note: `[data-ssa-user] elements after the ${ROWS}-row page settled (fewest over ${LOADS} loads)`,
      },
      {
        name: `Admin page: script for ${APPENDED} appended rows`,
        value: appendScript,
        unit: 'ms',
        baseline: { label: `page append`, value: append.pageMs, unit: 'ms' },
        ratio: appendScript / append.pageMs,
        budget: { on: 'value', op: '<=', limit: 16 },
        note: `sum of the session-admin:batch and :watch measures after __fakeAdmin.appendRows(${APPENDED}) (${appendBatches.length} of them); baseline is the page's own appendRows time (renderedAt − call)`,
        ...(appendBatches.length === 0 ? { forceFail: 'no batch measure was recorded;' } : {}),
        details: {
          batches: appendBatches.map((b) => ({
            startMs: round(b.start),
            durationMs: round(b.duration),
          })),
          pageAppendMs: round(append.pageMs),
        },
      },
      {
        name: `Admin page: controls after append`,
        value: second.controls,
        unit: 'count',
        budget: { on: 'value', op: '=', limit: ROWS + APPENDED },
        note: `[data-ssa-user] elements after appending ${APPENDED} rows${perIdOk ? '' : '; some appended rows lack exactly one control'}`,
        ...(perIdOk ? {} : { forceFail: 'appended rows without exactly one control;' }),
      },
    ];
  } finally {
    await page.close();
  }
}
