/**
 * Driving the Sessions page and timing it from inside: the whole load, the first render of
 * every match once a filter is cleared, and the table's frames while its scroll box moves.
 * In-page code has no named inner functions: the bundler would wrap them in a helper the
 * page lacks.
 */
import type { Page } from '@playwright/test';
import type { BenchSession } from './session';

export const SESSIONS_PAGE = 'src/sessions/index.html';
const STATUS = '[role="status"][aria-label="Matching sessions"]';
const TABLE = 'table[aria-label="Matching sessions"]';
const NUMBER = new Intl.NumberFormat('en');

/** What the status reads once `total` sessions are loaded and no filter is on. */
export function allLoadedPrefix(total: number): string {
  return `${NUMBER.format(total)} sessions of `;
}

export async function openSessionsPage(session: BenchSession): Promise<Page> {
  const page = await session.open(SESSIONS_PAGE);
  // Enabled once the saved token is listed.
  await page.locator('button:enabled', { hasText: 'Load sessions' }).waitFor({ timeout: 15_000 });
  return page;
}

/**
 * Clicks Load sessions and waits until the status counts all `total` sessions and the load
 * line says the whole list came (the status counts what arrived so far from the first page).
 * Returns the in-page time from the click.
 */
export function loadAll(page: Page, total: number, timeoutMs: number): Promise<number> {
  return page.evaluate(
    async ({ prefix, statusSelector, timeoutMs }) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Load sessions',
      );
      const status = document.querySelector(statusSelector);
      if (!button || !status) throw new Error('the Sessions page has no Load button or status');
      const started = performance.now();
      button.click();
      for (;;) {
        const text = status.textContent ?? '';
        const whole = document.querySelector('.load')?.textContent?.includes('the whole list');
        if (whole && text.startsWith(prefix) && text.endsWith('match: all that were loaded.'))
          return performance.now() - started;
        if (performance.now() - started > timeoutMs)
          throw new Error(`not all loaded after ${timeoutMs} ms: "${text}"`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    { prefix: allLoadedPrefix(total), statusSelector: STATUS, timeoutMs },
  );
}

/** Types a filter and waits until the status reads `expected` (its beginning). */
export async function filterBy(page: Page, ip: string, expected: string): Promise<void> {
  await page.getByRole('textbox', { name: 'IP address or range' }).fill(ip);
  await page.waitForFunction(
    ({ selector, expected }) => document.querySelector(selector)?.textContent?.startsWith(expected),
    { selector: STATUS, expected },
    { timeout: 10_000 },
  );
}

/** Two frames and a short pause: the groups, names and paints of what came before are over. */
export async function settle(page: Page, ms = 300): Promise<void> {
  await page.evaluate(
    (ms) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(), ms))),
      ),
    ms,
  );
}

export interface ClearTiming {
  /** From the input event until the second frame after the status named every match. */
  ms: number;
  /** From the input event until the status changed (the synchronous render). */
  statusMs: number;
  /** Longest task overlapping that span; 0 when none reached 50 ms. */
  longestTaskMs: number;
  status: string;
}

/** Empties the IP filter as typing does and times the page showing every match again. */
export function timeClearing(page: Page, prefix: string): Promise<ClearTiming> {
  return page.evaluate(
    async ({ prefix, statusSelector }) => {
      const input = document.getElementById('filter-ip') as HTMLInputElement | null;
      const status = document.querySelector(statusSelector);
      if (!input || !status) throw new Error('the Sessions page has no IP filter or status');
      const tasks: PerformanceEntry[] = [];
      const watcher = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
      watcher.observe({ type: 'longtask', buffered: true });
      let statusAt = 0;
      const shown = new Promise<number>((resolve) => {
        const changes = new MutationObserver(() => {
          if (!status.textContent?.startsWith(prefix)) return;
          changes.disconnect();
          statusAt = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
        });
        changes.observe(status, { childList: true, characterData: true, subtree: true });
      });
      const started = performance.now();
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const ended = await shown;
      // Long tasks are reported a little after they end.
      await new Promise((resolve) => setTimeout(resolve, 100));
      tasks.push(...watcher.takeRecords());
      watcher.disconnect();
      const overlapping = tasks.filter(
        (t) => t.startTime < ended && t.startTime + t.duration > started,
      );
      return {
        ms: ended - started,
        statusMs: statusAt - started,
        longestTaskMs: Math.max(0, ...overlapping.map((t) => t.duration)),
        status: status.textContent ?? '',
      };
    },
    { prefix, statusSelector: STATUS },
  );
}

export interface ScrollStep {
  /**
   * The frame that drew the new rows, on the main thread: from its start (its rAF time) until
   * its rendering was done (a message posted from its last rAF callback runs right after).
   */
  frameMs: number;
  /** From setting scrollTop until the second frame after the table drew the new rows. */
  toSecondFrameMs: number;
  /** From setting scrollTop until the scroll event. */
  eventMs: number;
  /** From the frame's start until the new rows were in the DOM (scroll event, render). */
  scriptMs: number;
  /** Between the starts of the frame that drew them and the next one. */
  nextFrameGapMs: number;
  /** Longest gap between frames in the pause after (the names of the new rows arrive). */
  laterGapMs: number;
  firstRow: number;
}

/**
 * Moves the table's scroll box down `steps` times by `px`, timing the frame that redraws it;
 * then pauses, so the names looked up for the rows now in view are not part of the next step.
 */
export function timeScrolling(
  page: Page,
  steps: number,
  px: number,
  pauseMs: number,
): Promise<ScrollStep[]> {
  return page.evaluate(
    async ({ steps, px, pauseMs, tableSelector }) => {
      const table = document.querySelector(tableSelector);
      const box = table?.parentElement;
      if (!table || !box) throw new Error('the Sessions page shows no table');
      const rowSelector = 'tbody:not(.spacer) tr';
      const out: ScrollStep[] = [];
      for (let step = 1; step <= steps; step++) {
        const before = table.querySelector(rowSelector)?.getAttribute('aria-rowindex');
        let eventAt = 0;
        let drawnAt = 0;
        // Asked for after the table's own scroll handler asked for its frame: the same frame,
        // run after the table's callback, so once it has rendered.
        const frame = new Promise<{ start: number; end: number }>((resolve) =>
          box.addEventListener(
            'scroll',
            () => {
              eventAt = performance.now();
              requestAnimationFrame((start) => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve({ start, end: performance.now() });
                channel.port2.postMessage(0);
              });
            },
            { once: true },
          ),
        );
        const frames = new Promise<number[]>((resolve) => {
          const changes = new MutationObserver(() => {
            if (table.querySelector(rowSelector)?.getAttribute('aria-rowindex') === before) return;
            changes.disconnect();
            drawnAt = performance.now();
            requestAnimationFrame((first) =>
              requestAnimationFrame((second) => resolve([first, second, performance.now()])),
            );
          });
          changes.observe(table, { childList: true, subtree: true, attributes: true });
        });
        const started = performance.now();
        box.scrollTop = step * px;
        const [{ start, end }, [next, , secondAt]] = await Promise.all([frame, frames]);
        const later: number[] = [];
        const pauseEnds = performance.now() + pauseMs;
        while (performance.now() < pauseEnds)
          later.push(await new Promise<number>((resolve) => requestAnimationFrame(resolve)));
        out.push({
          frameMs: end - start,
          toSecondFrameMs: secondAt! - started,
          eventMs: eventAt - started,
          scriptMs: drawnAt - start,
          nextFrameGapMs: next! - start,
          laterGapMs: Math.max(0, ...later.slice(1).map((t, i) => t - later[i]!)),
          firstRow: Number(table.querySelector(rowSelector)?.getAttribute('aria-rowindex')),
        });
      }
      return out;
    },
    { steps, px, pauseMs, tableSelector: TABLE },
  );
}
