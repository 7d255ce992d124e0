/**
 * Popup ready: fresh tab on the popup page until its User textbox is in the document and
 * enabled, against the static page of the same byte size. The moment is taken inside the
 * page (performance.now(), i.e. since navigation start) by a MutationObserver installed
 * before any of the page's own code runs. Opens of the two pages are interleaved.
 */
import type { Page } from '@playwright/test';
import type { Row } from './report';
import type { BenchSession } from './session';
import { median, round, summary } from './stats';

const RUNS = 20;
const WARMUPS = 1;

type ReadyWindow = Window & { __benchReadyAt?: number };

/** Runs in the page before its scripts: records when #user is connected and enabled. */
function watchUserField(): void {
  // No named inner functions: the bundler would wrap them in a helper the page lacks.
  const w = window as ReadyWindow;
  const observer = new MutationObserver(() => {
    const field = document.getElementById('user');
    if (w.__benchReadyAt === undefined && field instanceof HTMLInputElement && !field.disabled) {
      w.__benchReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['disabled'],
  });
}

interface Sample {
  /** In-page ready moment, ms since navigation start. */
  ready: number;
  /** From page.goto() in this process until the ready moment was seen. */
  wall: number;
  /** Navigation Timing milestones, ms since navigation start. */
  responseEnd: number;
  domInteractive: number;
  domContentLoaded: number;
}

async function openOnce(session: BenchSession, path: string): Promise<Sample> {
  const page: Page = await session.browser.context.newPage();
  try {
    await page.addInitScript(watchUserField);
    const started = performance.now();
    await page.goto(session.url(path), { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (window as ReadyWindow).__benchReadyAt,
      undefined,
      { polling: 5, timeout: 15_000 },
    );
    const wall = performance.now() - started;
    const ready = (await handle.jsonValue()) as number;
    await page.waitForLoadState('load');
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        responseEnd: n.responseEnd,
        domInteractive: n.domInteractive,
        domContentLoaded: n.domContentLoadedEventStart,
      };
    });
    return { ready, wall, ...nav };
  } finally {
    await page.close();
  }
}

function medians(samples: readonly Sample[]) {
  const m = (f: (s: Sample) => number) => round(median(samples.map(f)));
  return {
    readyMs: summary(samples.map((s) => s.ready)),
    gotoToReadyMs: summary(samples.map((s) => s.wall)),
    htmlResponseEndMs: m((s) => s.responseEnd),
    domInteractiveMs: m((s) => s.domInteractive),
    domContentLoadedMs: m((s) => s.domContentLoaded),
  };
}

export async function measurePopupReady(
  session: BenchSession,
  popupPage: string,
  staticPage: string,
  bytes: { html: number; js: number; css: number },
): Promise<Row> {
  for (let i = 0; i < WARMUPS; i++) {
    await openOnce(session, popupPage);
    await openOnce(session, staticPage);
  }
  const popup: Sample[] = [];
  const statik: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always follows the other.
    const order = i % 2 === 0 ? (['popup', 'static'] as const) : (['static', 'popup'] as const);
    for (const which of order) {
      if (which === 'popup') popup.push(await openOnce(session, popupPage));
      else statik.push(await openOnce(session, staticPage));
    }
  }
  const popupMs = median(popup.map((s) => s.ready));
  const staticMs = median(statik.map((s) => s.ready));
  const popupMedians = medians(popup);
  const staticMedians = medians(statik);
  return {
    name: 'Popup ready (median of 20)',
    value: popupMs,
    unit: 'ms',
    baseline: { label: 'static page', value: staticMs, unit: 'ms' },
    ratio: popupMs / staticMs,
    budget: { on: 'ratio', op: '<=', limit: 1.5 },
    note: `in-page time from navigation start of a fresh tab until #user is enabled: popup vs a static extension page of the same bytes (HTML ${bytes.html} B, JS ${bytes.js} B, CSS ${bytes.css} B), ${RUNS} interleaved opens each; medians: popup parser done ${popupMedians.domInteractiveMs} ms → ready ${round(popupMs)} ms, static ready ${round(staticMs)} ms`,
    details: {
      popup: popupMedians,
      static: staticMedians,
      gotoToReadyRatio: round(
        median(popup.map((s) => s.wall)) / median(statik.map((s) => s.wall)),
        2,
      ),
      bytes,
      warmupsPerPage: WARMUPS,
    },
  };
}
