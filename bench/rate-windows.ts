/**
 * Reconstructs the fake's fixed rate-limit windows from the requests it recorded (a window
 * opens with the first request at least `windowMs` after the previous one opened), to show
 * where the time of a paced run went.
 */
import type { RecordedRequest } from '../test/fake-slack';
import { median, round } from './stats';

export interface WindowStats {
  startMs: number;
  ok: number;
  limited: number;
  /** From the window's first request to its last successful one. */
  fillMs: number;
  /** From the window's first 429 to the next window's first request. */
  holdMs?: number;
  /** To the next window's first request. */
  cycleMs?: number;
}

export function rateWindows(requests: readonly RecordedRequest[], windowMs: number) {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const origin = sorted[0]?.at ?? 0;
  const windows: (WindowStats & { firstLimitedAt?: number; lastOkAt: number })[] = [];
  for (const r of sorted) {
    let current = windows.at(-1);
    if (!current || r.at - (current.startMs + origin) >= windowMs) {
      current = { startMs: r.at - origin, ok: 0, limited: 0, fillMs: 0, lastOkAt: r.at };
      windows.push(current);
    }
    if (r.status === 429) {
      current.limited++;
      current.firstLimitedAt ??= r.at;
    } else if (r.status === 200) {
      current.ok++;
      current.lastOkAt = r.at;
    }
  }
  const stats: WindowStats[] = windows.map((w, i) => {
    const next = windows[i + 1];
    const nextStart = next === undefined ? undefined : next.startMs + origin;
    return {
      startMs: w.startMs,
      ok: w.ok,
      limited: w.limited,
      fillMs: w.lastOkAt - (w.startMs + origin),
      ...(nextStart !== undefined && w.firstLimitedAt !== undefined
        ? { holdMs: nextStart - w.firstLimitedAt }
        : {}),
      ...(nextStart !== undefined ? { cycleMs: nextStart - (w.startMs + origin) } : {}),
    };
  });
  const pick = (f: (w: WindowStats) => number | undefined) =>
    stats.map(f).filter((v): v is number => v !== undefined);
  const medianOf = (values: number[]) => (values.length > 0 ? round(median(values)) : null);
  return {
    windows: stats,
    medianCycleMs: medianOf(pick((w) => w.cycleMs)),
    medianFillMs: medianOf(pick((w) => (w.ok > 0 ? w.fillMs : undefined))),
    medianHoldMs: medianOf(pick((w) => w.holdMs)),
  };
}
