/**
 * Pacing shared by every call to the same Slack method with the same token. Slack's limits are
 * per method per workspace per app, so when one call hears "wait N seconds", every other call
 * of that method waits too instead of collecting its own 429. A small cap on calls in flight
 * keeps a burst of hundreds of resets from hitting Slack all at once when the wait ends.
 */

export interface RateGate {
  /** Waits for a free slot and for any hold on `key`; resolves with the slot's release. */
  acquire(key: string): Promise<() => void>;
  /** Slack asked this key's callers to wait until `untilMs` (on the gate's clock). */
  hold(key: string, untilMs: number): void;
}

export const DEFAULT_MAX_IN_FLIGHT = 4;

interface Lane {
  inFlight: number;
  holdUntil: number;
  waiting: (() => void)[];
  timer?: ReturnType<typeof setTimeout>;
}

export function createRateGate(
  options: { now?: () => number; maxInFlight?: number } = {},
): RateGate {
  const now = options.now ?? Date.now;
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const lanes = new Map<string, Lane>();

  const lane = (key: string): Lane => {
    let found = lanes.get(key);
    if (!found) {
      found = { inFlight: 0, holdUntil: 0, waiting: [] };
      lanes.set(key, found);
    }
    return found;
  };

  const pump = (key: string, current: Lane) => {
    const wait = current.holdUntil - now();
    if (wait > 0) {
      current.timer ??= setTimeout(() => {
        current.timer = undefined;
        pump(key, current);
      }, wait);
      return;
    }
    while (current.inFlight < maxInFlight && current.waiting.length > 0) {
      current.inFlight++;
      current.waiting.shift()!();
    }
    if (current.inFlight === 0 && current.waiting.length === 0) lanes.delete(key);
  };

  return {
    acquire(key) {
      const current = lane(key);
      return new Promise((resolve) => {
        let released = false;
        current.waiting.push(() =>
          resolve(() => {
            if (released) return;
            released = true;
            current.inFlight--;
            pump(key, current);
          }),
        );
        pump(key, current);
      });
    },
    hold(key, untilMs) {
      const current = lane(key);
      if (untilMs <= current.holdUntil) return;
      current.holdUntil = untilMs;
      if (current.timer) clearTimeout(current.timer);
      current.timer = undefined;
      pump(key, current);
    },
  };
}

/** A short, non-reversible tag for a token, so lanes are per token without keeping it as a key. */
export function tokenTag(token: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
