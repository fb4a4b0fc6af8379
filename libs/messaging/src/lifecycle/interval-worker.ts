import type { MessagingWorker } from './messaging-lifecycle';

/**
 * A worker that runs `runOnce` every `everyMs` once started — one run at a time, the next timed from
 * the end of the last, so a slow run never overlaps itself. `stop` cancels the next tick and waits for
 * a run in progress. `runOnce` is also what tests call to run it now; it must not throw (a failed run
 * is logged by the subclass and retried at the next tick).
 */
export abstract class IntervalWorker implements MessagingWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  protected constructor(private readonly everyMs: number) {}

  abstract runOnce(): Promise<void>;

  start(): Promise<void> {
    this.stopped = false;
    this.next();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private next(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => this.next());
    }, this.everyMs);
  }
}
