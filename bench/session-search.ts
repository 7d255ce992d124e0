/**
 * The Sessions page against orgs of its own: loading 100 pages with the list at Slack's Tier 2
 * (20 a minute, time scaled by 3), then, with 100,000 sessions loaded, the first render of
 * every match once a filter is cleared and the table's frames while it scrolls. The Node-only
 * filtering rows are in session-filter.ts.
 */
import type { Page } from '@playwright/test';
import type { FakeSlack } from '../test/fake-slack';
import { type OwnSessionSetup, orgSessionsFor, withOwnSession } from './own-session';
import { rateWindows } from './rate-windows';
import type { Row } from './report';
import {
  allLoadedPrefix,
  type ClearTiming,
  filterBy,
  loadAll,
  openSessionsPage,
  type ScrollStep,
  settle,
  timeClearing,
  timeScrolling,
} from './sessions-page';
import { median, round, summary } from './stats';

const LIST = 'admin.users.session.list';

export type PageSetup = Omit<OwnSessionSetup, 'fake'>;

// Loading at Tier 2: 100 pages of 100, 20 a minute scaled by 3. Slack's Retry-After is whole
// seconds at any scale: the first 429 overshoots its window by up to a second, and at 6 s windows
// that second alone is 4 % of the least time the limit allows.
const PAGES = 100;
const PAGE_SIZE = 100;
const LIMIT = 20;
const WINDOW_MS = 20_000;

export async function measureSessionLoading(setup: PageSetup): Promise<Row[]> {
  const total = PAGES * PAGE_SIZE;
  const orgSessions = await orgSessionsFor(total);
  return withOwnSession(
    { ...setup, fake: { orgSessions, sessionPageSize: PAGE_SIZE } },
    async (session, fake) => {
      if (Math.ceil(fake.activeSessionIds().length / PAGE_SIZE) !== PAGES)
        throw new Error(`the org does not list in ${PAGES} pages of ${PAGE_SIZE}`);
      const page = await openSessionsPage(session);
      try {
        fake.setRateLimit(LIST, LIMIT, WINDOW_MS);
        const wallMs = await loadAll(page, total, 150_000);
        return loadingRows(fake, total, wallMs);
      } finally {
        fake.clearRateLimits();
        await page.close();
      }
    },
  );
}

function loadingRows(fake: FakeSlack, total: number, wallMs: number): Row[] {
  const requests = fake.requestsFor(LIST);
  const ok = requests.filter((r) => r.status === 200);
  const limited = requests.filter((r) => r.status === 429).length;
  const minimumMs = (Math.ceil(PAGES / LIMIT) - 1) * WINDOW_MS;
  const firstAt = requests[0]?.at ?? 0;
  const measuredMs = (ok.at(-1)?.at ?? firstAt) - firstAt;
  const timeline = rateWindows(requests, WINDOW_MS);
  // One page at a time: within a window, pages follow each other a round trip apart.
  const gaps = ok
    .slice(1)
    .map((r, i) => r.at - ok[i]!.at)
    .filter((gap) => gap < WINDOW_MS / 2);
  // Each page's cursor sent once: a page asked for twice would hide in a fast time.
  const cursors = new Set(ok.map((r) => r.params.cursor ?? ''));
  const incomplete =
    ok.length !== PAGES || cursors.size !== PAGES
      ? `${ok.length} successful list requests for ${cursors.size} distinct cursors, not ${PAGES};`
      : undefined;
  const baseline = { label: 'minimum', value: minimumMs, unit: 'ms' } as const;
  const limitText = `${LIST} limited to ${LIMIT}/${WINDOW_MS} ms`;
  return [
    {
      name: `session search: loading ${PAGES} pages at Tier 2 scaled`,
      value: round(measuredMs),
      unit: 'ms',
      baseline,
      ratio: measuredMs / minimumMs,
      budget: { on: 'ratio', op: '<=', limit: 1.03 },
      ...(incomplete ? { forceFail: incomplete } : {}),
      note: `from the first to the last successful list request at the fake, ${total.toLocaleString('en')} sessions in pages of ${PAGE_SIZE}, ${limitText}, minimum (ceil(${PAGES}/${LIMIT}) − 1) × ${WINDOW_MS} ms; windows lasted ${timeline.medianCycleMs} ms (median), the first ${timeline.windows[0]?.cycleMs} ms (Retry-After is whole seconds); the last window's ${LIMIT} pages, one at a time, took ${timeline.windows.at(-1)?.fillMs} ms`,
      details: {
        windows: timeline.windows,
        medianWindowCycleMs: timeline.medianCycleMs,
        medianFillMs: timeline.medianFillMs,
        medianHoldAfter429Ms: timeline.medianHoldMs,
        pageToPageMs: gaps.length > 0 ? summary(gaps) : null,
      },
    },
    {
      name: `session search: page wall time for ${PAGES} pages`,
      value: round(wallMs),
      unit: 'ms',
      baseline,
      ratio: wallMs / minimumMs,
      note: 'in-page time from the click on Load sessions until the status counts every session and the load line says the whole list came',
    },
    {
      name: 'session search: pages loaded',
      value: ok.length,
      unit: 'count',
      note: `successful ${LIST} requests`,
    },
    {
      name: 'session search: 429s while loading',
      value: limited,
      unit: 'count',
      note: `${LIST} requests answered 429 of ${requests.length}`,
    },
  ];
}

// 100,000 sessions in pages of 1,000, no limit.
const BIG = 100_000;
const BIG_PAGE = 1000;
const CLEARS = 5;
/** Reserved for planted sessions, so no session of the fake's org is in it. */
const NOTHING = '203.0.113.0/24';
const SCROLL_STEPS = 20;
const SCROLL_PX = 2000;
/** After each step: the names of the rows now in view are looked up and drawn. */
const SCROLL_PAUSE_MS = 300;

export async function measureSessionRendering(setup: PageSetup): Promise<Row[]> {
  const orgSessions = await orgSessionsFor(BIG);
  return withOwnSession(
    { ...setup, fake: { orgSessions, sessionPageSize: BIG_PAGE } },
    async (session) => {
      const page = await openSessionsPage(session);
      try {
        const loadMs = await loadAll(page, BIG, 75_000);
        return [...(await clearingRows(page, loadMs)), ...(await scrollRows(page))];
      } finally {
        await page.close();
      }
    },
  );
}

async function clearingRows(page: Page, loadMs: number): Promise<Row[]> {
  const prefix = allLoadedPrefix(BIG);
  const runs: ClearTiming[] = [];
  for (let run = 0; run < CLEARS; run++) {
    await filterBy(page, NOTHING, '0 sessions of 0 members match');
    await settle(page);
    runs.push(await timeClearing(page, prefix));
    await settle(page);
  }
  const times = runs.map((r) => r.ms);
  const longest = runs.map((r) => r.longestTaskMs);
  const what = `${BIG.toLocaleString('en')} sessions loaded (${round(loadMs / 1000)} s), IP filter ${NOTHING} (no match) cleared with one input event; median of ${CLEARS}`;
  return [
    {
      name: `session search: first render of ${BIG.toLocaleString('en')} matches`,
      value: round(median(times)),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 100 },
      note: `${what}, from the input event until the second frame after the status named every match`,
      details: {
        ...summary(times),
        statusChangedMs: summary(runs.map((r) => r.statusMs)),
        status: runs[0]?.status,
        loadMs: round(loadMs),
      },
    },
    {
      name: 'session search: longest task of that render',
      value: round(median(longest)),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 50 },
      note: `${what}; longtask entries (50 ms and over) overlapping each render, 0 when none`,
      details: summary(longest),
    },
  ];
}

async function scrollRows(page: Page): Promise<Row[]> {
  await settle(page);
  const steps: ScrollStep[] = await timeScrolling(page, SCROLL_STEPS, SCROLL_PX, SCROLL_PAUSE_MS);
  const frames = steps.map((s) => s.frameMs);
  const literal = steps.map((s) => s.toSecondFrameMs);
  const pick = (f: (s: ScrollStep) => number) => summary(steps.map(f));
  const what = `${SCROLL_STEPS} steps of ${SCROLL_PX} px through ${BIG.toLocaleString('en')} matches`;
  return [
    {
      name: 'session search: scroll frame of the table',
      value: round(median(frames)),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 16 },
      note: `${what}; main-thread time of the frame that redraws the rows, from its start (rAF time) until its rendering is done (median; max ${round(Math.max(...frames))} ms)`,
      details: {
        ...summary(frames),
        scrollEventMs: pick((s) => s.eventMs),
        frameStartToRowsInDomMs: pick((s) => s.scriptMs),
        nextFrameGapMs: pick((s) => s.nextFrameGapMs),
        longestFrameGapInPauseMs: pick((s) => s.laterGapMs),
        firstRows: steps.map((s) => s.firstRow),
      },
    },
    {
      name: 'session search: scrollTop to second frame after the redraw',
      value: round(median(literal)),
      unit: 'ms',
      note: `${what}; from setting scrollTop until the second frame after the new rows were in the DOM (median; max ${round(Math.max(...literal))} ms): at 60 frames a second this includes the wait for the next frame and one whole frame, so it is at least 16.7 ms however little the page does`,
      details: summary(literal),
    },
  ];
}
