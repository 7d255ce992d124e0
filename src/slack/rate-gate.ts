/**
 * Pacing shared by every call to the same Slack method with the same token. Slack's limits are
 * per method per workspace per app, so when one call hears "wait N seconds", every other call
 * of that method waits too instead of collecting its own 429.
 *
 * It also learns: after a 429 it knows how many calls Slack admitted in that window and how
 * long a window lasts, and from then on sends that many per window and holds the rest itself,
 * instead of waiting for the next 429 (whose whole-second Retry-After overshoots). A later 429
 * simply corrects what it learned. A small cap on calls in flight keeps a burst of hundreds
 * of resets from reaching Slack all at once.
 */

/** What became of a call that held a slot. */
export type CallOutcome = 'admitted' | 'limited' | 'failed';

export interface RateGate {
  /** Waits for a free slot and for any hold on `key`; resolves with the slot's release. */
  acquire(key: string): Promise<(outcome: CallOutcome) => void>;
  /** Slack asked this key's callers to wait until `untilMs` (on the gate's clock). */
  hold(key: string, untilMs: number): void;
  /** How long calls of `key` are held from now, in ms (0 when open). */
  heldFor(key: string): number;
}

export const DEFAULT_MAX_IN_FLIGHT = 8;

/**
 * Slack's window starts when the first call of it arrives, a little after this gate let it go:
 * reopening exactly one window later would land the first calls in the old window. A small
 * margin costs ~1.5 % of throughput; one such 429 would cost a whole window.
 */
function margin(windowMs: number): number {
  return Math.max(15, windowMs * 0.015);
}

/** Slack's tiers count calls per minute: until a 429 tells otherwise, a window is that long. */
const ASSUMED_WINDOW_MS = 60_000;
/**
 * Until a 429 taught the window, calls after a pause this long start a count of their own:
 * one after another (a confirmation's resets) count together, but calls made long before are
 * not taken for part of the burst Slack admits, which would teach a burst far too large.
 */
const UNLEARNED_IDLE_MS = 5_000;

interface Lane {
  inFlight: number;
  waiting: (() => void)[];
  /** 0 when open. */
  holdUntil: number;
  timer?: ReturnType<typeof setTimeout>;
  /** The current window: when it opened, what was let through, what Slack admitted. */
  openedAt: number;
  granted: number;
  admitted: number;
  limited: boolean;
  /** Slack's window as seen so far: calls admitted per window, and its length. */
  learned?: { burst: number; windowMs: number };
  windowMs?: number;
  /** When a call last went out or came back. */
  lastActive: number;
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
      found = {
        inFlight: 0,
        waiting: [],
        holdUntil: 0,
        openedAt: now(),
        granted: 0,
        admitted: 0,
        limited: false,
        lastActive: now(),
      };
      lanes.set(key, found);
    }
    return found;
  };

  const reopen = (current: Lane) => {
    if (current.limited && current.admitted > 0 && current.windowMs) {
      current.learned = { burst: current.admitted, windowMs: current.windowMs };
    }
    current.holdUntil = 0;
    current.openedAt = now();
    current.granted = 0;
    current.admitted = 0;
    current.limited = false;
  };

  const pump = (key: string, current: Lane) => {
    if (current.holdUntil) {
      const wait = current.holdUntil - now();
      if (wait > 0) {
        current.timer ??= setTimeout(() => {
          current.timer = undefined;
          pump(key, current);
        }, wait);
        return;
      }
      reopen(current);
    }
    while (current.inFlight < maxInFlight && current.waiting.length > 0) {
      // After a quiet spell the window has closed at Slack too: this call opens a new one.
      const windowMs = current.learned?.windowMs ?? ASSUMED_WINDOW_MS;
      const idle = current.inFlight === 0 && now() - current.lastActive >= UNLEARNED_IDLE_MS;
      if (now() >= current.openedAt + windowMs + margin(windowMs) || (!current.learned && idle))
        reopen(current);
      if (current.learned && current.granted >= current.learned.burst) {
        // This window's share is spent: wait for the next one without asking Slack.
        current.holdUntil =
          current.openedAt + current.learned.windowMs + margin(current.learned.windowMs);
        pump(key, current);
        return;
      }
      current.inFlight++;
      current.granted++;
      current.lastActive = now();
      current.waiting.shift()!();
    }
    // An idle lane stays (one per method and token): calls that come one at a time, such as a
    // confirmation's resets each sent after the last, must be counted in one window and keep
    // to what a 429 taught, as a burst's calls are.
  };

  return {
    acquire(key) {
      const current = lane(key);
      return new Promise((resolve) => {
        let released = false;
        current.waiting.push(() =>
          resolve((outcome) => {
            if (released) return;
            released = true;
            current.inFlight--;
            current.lastActive = now();
            if (outcome === 'admitted') current.admitted++;
            pump(key, current);
          }),
        );
        pump(key, current);
      });
    },
    heldFor(key) {
      const current = lanes.get(key);
      return current?.holdUntil ? Math.max(0, current.holdUntil - now()) : 0;
    },
    hold(key, untilMs) {
      const current = lane(key);
      const at = now();
      current.limited = true;
      // First 429: the window is what Slack says is left. A 429 despite pacing means the window
      // is longer than learned: it lasts at least from when this one opened until Slack's time.
      const seen = current.learned ? untilMs - current.openedAt : untilMs - at;
      current.windowMs = Math.max(current.windowMs ?? 0, current.learned?.windowMs ?? 0, seen);
      if (current.learned) current.learned = { ...current.learned, windowMs: current.windowMs };
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
