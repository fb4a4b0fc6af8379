import { EventRecord, eventHash } from '@kompeten/event-store';
import type { SourceCursor } from './record-source';

/**
 * A message as fetched from one partition, decoded only when the merge takes it (so that buffers
 * hold bytes, not objects): `position` orders it (from the `position` header, or from the value
 * when the header is absent); null when it is not an event at all, which `decode` then explains
 * by throwing.
 */
export interface FetchedMessage {
  partition: number;
  offset: string;
  position: number | null;
  decode(): EventRecord;
}

export interface PartitionRange {
  partition: number;
  /** First offset to read (the low-water mark, or where a resumed read stopped). */
  start: string;
  /** The high-water mark when the read began: later messages are not part of this read. */
  end: string;
}

/** What a read of the topic found besides the records themselves. */
export interface TopicFindings {
  messages: number;
  /** Second copies of a position (the relay is at-least-once): identical ones are expected. */
  duplicates: number;
  /** Second copies that differ from the first (another hash, or content that does not hash to it): someone wrote to the topic. */
  conflictingDuplicates: { position: number; partition: number; offset: string }[];
  /** Messages that are not event records at all (or whose headers contradict their value). */
  undecodable: { partition: number; offset: string; reason: string }[];
  /** Duplicates too far behind to compare with the first copy (outside the window of recent hashes). */
  uncomparedDuplicates: number;
}

export type MergeStep =
  { kind: 'record'; record: EventRecord } | { kind: 'wait'; partitions: number[] } | { kind: 'end' };

interface PartitionState {
  partition: number;
  queue: FetchedMessage[];
  head: number;
  fetchedAll: boolean;
  nextOffset: bigint;
  start: bigint;
  end: bigint;
}

/**
 * Turns the partitions of an event topic back into one log in position order, without holding
 * it: each partition is in relay order (ascending positions, with a re-sent batch jumping back),
 * so a k-way merge on the head positions, dropping positions already handed out, yields each
 * position once. A position missing from every partition simply never comes — the chain walker
 * names it. Pure bookkeeping; KafkaSource does the fetching.
 */
export class PartitionMerge {
  private readonly partitions: PartitionState[];
  private readonly byNumber = new Map<number, PartitionState>();
  /** Hashes of the last `window` positions handed out (a ring: position % window), to compare duplicates with. */
  private readonly recentPositions: number[];
  private readonly recentHashes: string[];
  private last: number;
  readonly findings: TopicFindings = {
    messages: 0,
    duplicates: 0,
    conflictingDuplicates: [],
    undecodable: [],
    uncomparedDuplicates: 0,
  };

  constructor(
    ranges: PartitionRange[],
    after = 0,
    private readonly window = 10_000,
  ) {
    this.last = after;
    this.recentPositions = new Array<number>(window).fill(0);
    this.recentHashes = new Array<string>(window).fill('');
    this.partitions = ranges.map((r) => ({
      partition: r.partition,
      queue: [],
      head: 0,
      nextOffset: BigInt(r.start),
      start: BigInt(r.start),
      end: BigInt(r.end),
      fetchedAll: BigInt(r.start) >= BigInt(r.end),
    }));
    for (const p of this.partitions) this.byNumber.set(p.partition, p);
  }

  /** Accepts a fetched message; returns false when it lies outside the read (before its start, at/after its end, or fetched twice). */
  push(m: FetchedMessage): boolean {
    const p = this.byNumber.get(m.partition);
    if (!p || p.fetchedAll) return false;
    const offset = BigInt(m.offset);
    const tail = p.queue.length > p.head ? BigInt(p.queue[p.queue.length - 1].offset) : p.nextOffset - 1n;
    if (offset < p.nextOffset || offset >= p.end || offset <= tail) return false;
    p.queue.push(m);
    if (offset + 1n >= p.end) p.fetchedAll = true;
    return true;
  }

  /** The fetcher saw the partition up to this offset (e.g. a batch of control records only). */
  fetchedUpTo(partition: number, offset: string): void {
    const p = this.byNumber.get(partition);
    if (p && BigInt(offset) + 1n >= p.end) p.fetchedAll = true;
  }

  isFetchedAll(partition: number): boolean {
    return this.byNumber.get(partition)?.fetchedAll ?? true;
  }

  buffered(partition: number): number {
    const p = this.byNumber.get(partition);
    return p ? p.queue.length - p.head : 0;
  }

  next(): MergeStep {
    for (;;) {
      let best: PartitionState | undefined;
      let waiting: number[] | undefined;
      for (const p of this.partitions) {
        if (p.head >= p.queue.length) {
          if (!p.fetchedAll) (waiting ??= []).push(p.partition);
          continue;
        }
        const pos = p.queue[p.head].position;
        if (pos === null) {
          best = p;
          break;
        } // not an event: dealt with at once
        if (!best || pos < best.queue[best.head].position!) best = p;
      }
      if (waiting) return { kind: 'wait', partitions: waiting };
      if (!best) return { kind: 'end' };
      const m = this.take(best);
      const record = this.decode(m);
      if (!record) continue;
      if (record.position <= this.last) {
        this.findings.duplicates++;
        const slot = record.position % this.window;
        const first = this.recentPositions[slot] === record.position ? this.recentHashes[slot] : undefined;
        if (first === undefined) this.findings.uncomparedDuplicates++;
        // Same claimed hash is not enough: the copy's content must hash to it too.
        else if (first !== record.hash || eventHash(record.prevHash, record) !== record.hash) {
          this.findings.conflictingDuplicates.push({
            position: record.position,
            partition: m.partition,
            offset: m.offset,
          });
        }
        continue;
      }
      this.last = record.position;
      this.recentPositions[record.position % this.window] = record.position;
      this.recentHashes[record.position % this.window] = record.hash;
      return { kind: 'record', record };
    }
  }

  /** After the last record handed out: resuming from here hands out exactly what would have come next. */
  cursor(): SourceCursor {
    return {
      position: this.last,
      offsets: Object.fromEntries(this.partitions.map((p) => [String(p.partition), p.nextOffset.toString()])),
    };
  }

  /** Messages taken and to take, for progress. */
  progress(): { done: number; total: number } {
    let done = 0n;
    let total = 0n;
    for (const p of this.partitions) {
      total += p.end > p.start ? p.end - p.start : 0n;
      done += p.nextOffset - p.start;
    }
    return { done: Number(done), total: Number(total) };
  }

  private take(p: PartitionState): FetchedMessage {
    const m = p.queue[p.head++];
    if (p.head > 1024 && p.head * 2 > p.queue.length) {
      p.queue = p.queue.slice(p.head);
      p.head = 0;
    }
    p.nextOffset = BigInt(m.offset) + 1n;
    this.findings.messages++;
    return m;
  }

  private decode(m: FetchedMessage): EventRecord | undefined {
    let reason: string;
    try {
      const record = m.decode();
      if (m.position === null || record.position === m.position) return record;
      reason = `header-mismatch: the position header says ${m.position}, the value ${record.position}`;
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    this.findings.undecodable.push({ partition: m.partition, offset: m.offset, reason });
    return undefined;
  }
}
