import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a count answers (@nestjs/throttler does not export its name for it). */
type WindowRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  endsAt: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters: a fixed window per key (token subject or client address), O(1) per request.
 *
 * Why not @nestjs/throttler's default storage: it keeps one expiry time per request and filters the
 * whole list on every request, so its cost grows with the limit (the gateway-read benchmark spent a
 * fifth of the gateway's CPU there). A fixed window may let up to twice the limit through across a
 * window boundary — acceptable for flood protection, which is what these limits are for.
 */
export class WindowCounterStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<WindowRecord> {
    return Promise.resolve(this.count(key, ttl, limit, blockDuration, throttlerName));
  }

  /** The counting itself, synchronous: a hit never waits for anything. */
  private count(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): WindowRecord {
    const now = this.now();
    // Ended windows are dropped on the way (no timer to stop): at most once per sweep interval.
    if (now >= this.nextSweep) this.sweep();
    const id = `${throttlerName}\u0000${key}`;
    let w = this.windows.get(id);
    if (!w || (w.endsAt <= now && w.blockedUntil <= now))
      this.windows.set(id, (w = { hits: 0, endsAt: now + ttl, blockedUntil: 0 }));
    const seconds = (until: number) => Math.max(0, Math.ceil((until - now) / 1000));
    if (w.blockedUntil > now)
      return {
        totalHits: w.hits,
        timeToExpire: seconds(w.endsAt),
        isBlocked: true,
        timeToBlockExpire: seconds(w.blockedUntil),
      };
    if (w.endsAt <= now) Object.assign(w, { hits: 0, endsAt: now + ttl });
    w.hits++;
    if (w.hits > limit) {
      w.blockedUntil = now + blockDuration;
      return {
        totalHits: w.hits,
        timeToExpire: seconds(w.endsAt),
        isBlocked: true,
        timeToBlockExpire: seconds(w.blockedUntil),
      };
    }
    return { totalHits: w.hits, timeToExpire: seconds(w.endsAt), isBlocked: false, timeToBlockExpire: 0 };
  }

  /** Forgets windows that have ended, so that one-off callers do not accumulate. */
  sweep(): void {
    const now = this.now();
    this.nextSweep = now + this.sweepEveryMs;
    for (const [id, w] of this.windows) if (w.endsAt <= now && w.blockedUntil <= now) this.windows.delete(id);
  }

  get size(): number {
    return this.windows.size;
  }
}
