import type { DataSource } from 'typeorm';
import type { AppendRequest, WriterDeps } from './append-writer';
import { writeAppends } from './append-writer';
import type { StoredEvent } from './event-envelope';

interface Pending extends AppendRequest {
  resolve: (events: StoredEvent[]) => void;
  reject: (error: Error) => void;
}

/**
 * Group commit for appends. Appends are serialised by the chain head's lock, so one transaction —
 * one WAL flush — at a time; concurrent appends from this process therefore wait in a queue and
 * the next transaction takes all of them (up to `maxEvents`). Each still gets its own answer: its
 * events, or its conflict. Order and gap-freedom are unchanged: it is still one writer at a time.
 */
export class AppendQueue {
  private pending: Pending[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: () => WriterDeps,
    private readonly maxEvents = 1000,
  ) {}

  enqueue(request: AppendRequest): Promise<StoredEvent[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...request, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain() {
    this.draining = true;
    try {
      while (this.pending.length) {
        let events = 0;
        let take = 0;
        while (take < this.pending.length && (take === 0 || events + size(this.pending[take]) <= this.maxEvents)) {
          events += size(this.pending[take]);
          take++;
        }
        await this.write(this.pending.splice(0, take));
      }
    } finally {
      this.draining = false;
    }
  }

  private async write(batch: Pending[]) {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const results = await writeAppends(runner, batch, this.deps());
      await runner.commitTransaction();
      results.forEach((r, i) => (r instanceof Error ? batch[i].reject(r) : batch[i].resolve(r)));
    } catch (e) {
      // A dead connection cannot roll back; the original error is the one worth reporting.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      for (const p of batch) p.reject(e as Error);
    } finally {
      await runner.release();
    }
  }
}

const size = (r: AppendRequest) => r.parts.reduce((n, p) => n + p.events.length, 0);
