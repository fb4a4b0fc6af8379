import { SingleBar } from 'cli-progress';

/** Where progress lines go: a terminal (stderr), or nowhere. */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** Thousands separators, as the line shows counts. */
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * `export enrolment (store) · 120,345 events · 9,871 ev/s · 60% · ETA 08s` on one self-rewriting
 * line (cli-progress draws it, a few times a second), silent when the output is not a terminal —
 * piped, redirected, CI — so that logs and files stay clean. The ETA comes from the source's own
 * measure of work done and to do (positions in the store, messages on Kafka).
 */
export class Progress {
  private readonly bar?: SingleBar;
  private readonly began = Date.now();
  private events = 0;
  private started = false;
  private lastUpdate = 0;

  constructor(
    label: string,
    private readonly measure: () => { done: number; total: number },
    out: ProgressOutput | undefined,
    enabled = Boolean(out?.isTTY),
  ) {
    if (!enabled || !out) return;
    this.bar = new SingleBar({
      format: `${label} · {events} events · {rate} ev/s · {percentage}% · ETA {eta_formatted}`,
      stream: out as unknown as NodeJS.WritableStream,
      fps: 5,
      etaBuffer: 200,
      clearOnComplete: true,
      hideCursor: false,
      linewrap: false,
    });
  }

  tick(events = 1): void {
    this.events += events;
    if (!this.bar) return;
    const now = Date.now();
    if (!this.started && now - this.began < 250) return; // a rate needs a moment to mean something
    if (this.started && now - this.lastUpdate < 100) return; // measuring every event would cost more than the drawing
    this.lastUpdate = now;
    const { done, total } = this.measure();
    const payload = { events: count(this.events), rate: count((this.events * 1000) / Math.max(now - this.began, 1)) };
    if (!this.started) {
      this.bar.start(Math.max(total, 1), done, payload);
      this.started = true;
    } else {
      this.bar.setTotal(Math.max(total, 1));
      this.bar.update(done, payload);
    }
  }

  /** Clears the line (the caller prints its own summary). */
  finish(): void {
    if (this.started) this.bar!.stop();
    this.started = false;
  }
}
