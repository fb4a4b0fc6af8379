/** Exponential back-off: initialMs × factor^attempt, capped at maxMs, with jitter so that replicas do not retry in step. */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialMs: 200, maxMs: 30_000, factor: 2 };

/** Delay before retry number `attempt` (0-based): between half and all of the capped exponential value. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const { initialMs, maxMs, factor } = { ...DEFAULT_BACKOFF, ...options };
  const ceiling = Math.min(maxMs, initialMs * Math.pow(factor, Math.min(attempt, 64)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** Sleeps, but wakes at once when `signal` aborts (a stop must not wait out a 30 s back-off). */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
