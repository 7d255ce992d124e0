// Fixed-window rate limits per method per token, like Slack's per-method tiers. Windows are
// computed from timestamps on each call, so nothing here owns a timer.

interface Rule {
  limit: number;
  windowMs: number;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly rules = new Map<string, Rule>();
  private readonly windows = new Map<string, Window>();

  /** `method` '*' applies to every method (each method still counts separately). */
  set(method: string, limit: number, windowMs: number): void {
    if (!(limit >= 0) || !(windowMs > 0))
      throw new Error('rate limit needs limit >= 0 and windowMs > 0');
    this.rules.set(method, { limit, windowMs });
    // A new rule starts counting afresh, so a test's first call is never already limited.
    this.windows.clear();
  }

  clear(): void {
    this.rules.clear();
    this.windows.clear();
  }

  /** Counts the call; returns the whole seconds until the window frees if it is over the limit. */
  hit(method: string, token: string, now: number): number | undefined {
    const rule = this.rules.get(method) ?? this.rules.get('*');
    if (!rule) return undefined;
    const key = `${method}\n${token}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= rule.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count <= rule.limit) return undefined;
    return Math.max(1, Math.ceil((window.start + rule.windowMs - now) / 1000));
  }
}
