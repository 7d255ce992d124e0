/**
 * Bulk page: 10,000 lines put into Users at once (as a paste does), until the preview says how
 * many members it understood. The preview waits for a 150 ms pause in typing, then parses in a
 * worker; the row is that time less the pause. Long tasks of the page are watched meanwhile.
 */
import type { Row } from './report';
import type { BenchSession } from './session';
import { median, round } from './stats';

const RUNS = 5;
const LINES = 10_000;
/** The page's pause before reading (use-preview.ts). */
const QUIET_MS = 150;

type BenchWindow = Window & { __longest?: number };

function lines(): string {
  const out: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const id = `W0BENCH${String(i).padStart(6, '0')}`;
    out.push(i % 4 === 0 ? `user${i}@example.com` : i % 4 === 1 ? `<@${id}>` : id);
  }
  return out.join('\n');
}

export async function measureBulkPage(session: BenchSession): Promise<Row[]> {
  const text = lines();
  const previews: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await session.open('src/bulk/index.html');
    try {
      await page.getByRole('textbox', { name: 'Users' }).waitFor();
      await page.evaluate(() => {
        const w = window as BenchWindow;
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            w.__longest = Math.max(w.__longest ?? 0, entry.duration);
        }).observe({ type: 'longtask', buffered: false });
      });
      const elapsed = await page.evaluate(async (value) => {
        const field = document.querySelector('textarea') as HTMLTextAreaElement;
        const started = performance.now();
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
        // No named inner functions: the bundler would wrap them in a helper the page lacks.
        while (!document.querySelector('.preview-counts')?.textContent?.includes('10,000 members'))
          await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now() - started;
      }, text);
      previews.push(elapsed - QUIET_MS);
      longest.push(await page.evaluate(() => (window as BenchWindow).__longest ?? 0));
    } finally {
      await page.close();
    }
  }
  return [
    {
      name: `Bulk page: parse + preview of ${LINES.toLocaleString('en')} lines (median of ${RUNS})`,
      value: round(median(previews)),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 200 },
      note: `from the Users text set until the preview names 10,000 members, less the page's ${QUIET_MS} ms pause before reading`,
      details: { samplesMs: previews.map(round) },
    },
    {
      name: 'Bulk page: longest task meanwhile (worst of 5)',
      value: round(Math.max(...longest)),
      unit: 'ms',
      budget: { on: 'value', op: '<=', limit: 50 },
      note: 'longtask entries (50 ms and over) of the page while it read and showed the preview; 0 when none',
      details: { samplesMs: longest.map(round) },
    },
  ];
}
