/** At most `size` tasks at a time; the rest wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async use<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

export type OnError = (error: unknown) => void;

/**
 * Runs `task` for every item with at most `concurrency` at a time. Without `onError` the first
 * failure stops the rest; with it, a failed item is reported and the others go on.
 */
export async function forEachConcurrent<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
  onError?: OnError,
): Promise<void> {
  let next = 0;
  // Failures in the order they happened (the first one is thrown); what a task throws need not be an Error.
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0 && next < items.length) {
      const i = next++;
      try {
        await task(items[i], i);
      } catch (e) {
        if (onError) onError(e);
        else failures.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}

/**
 * One lane per key, lanes side by side, items of a lane one after another: commands on one
 * programme append to one stream, and writers racing for it would only conflict and retry.
 */
export async function forEachInLanes<T>(
  items: readonly T[],
  laneOf: (item: T) => string,
  task: (item: T) => Promise<void>,
  onError?: OnError,
): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) lanes.set(laneOf(item), [...(lanes.get(laneOf(item)) ?? []), item]);
  await forEachConcurrent([...lanes.values()], lanes.size, async (lane) => {
    for (const item of lane) {
      try {
        await task(item);
      } catch (e) {
        if (!onError) throw e;
        onError(e);
      }
    }
  });
}
