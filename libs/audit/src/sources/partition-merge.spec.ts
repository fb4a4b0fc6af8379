import { EventRecord, eventHash, GENESIS_HASH } from '@kompeten/event-store';
import { FetchedMessage, PartitionMerge } from './partition-merge';

function chain(n: number): EventRecord[] {
  const out: EventRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      position: i,
      eventId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      streamId: `s-${i % 3}`,
      streamVersion: i,
      type: 'SessionAttended',
      schemaVersion: 1,
      occurredAt: '2026-03-11T02:00:00.000Z',
      recordedAt: '2026-03-11T02:00:00.000Z',
      metadata: { actor: 'a', correlationId: 'c', causationId: null },
      payload: { n: i },
    };
    const hash = eventHash(prevHash, base);
    out.push({ ...base, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

const msg = (partition: number, offset: number, r: EventRecord): FetchedMessage => ({
  partition,
  offset: String(offset),
  position: r.position,
  decode: () => r,
});

/** Lays records out on partitions by stream (as the relay's key does), in order, with extra messages appended. */
function topic(records: EventRecord[], extra: { partition: number; record: EventRecord }[] = []) {
  const parts = new Map<number, EventRecord[]>([
    [0, []],
    [1, []],
    [2, []],
  ]);
  for (const r of records) parts.get(Number(r.streamId.slice(2)))!.push(r);
  for (const e of extra) parts.get(e.partition)!.push(e.record);
  return parts;
}

function drain(parts: Map<number, EventRecord[]>, after = 0, offsets?: Record<string, string>) {
  const ranges = [...parts].map(([p, rs]) => ({
    partition: p,
    start: offsets?.[String(p)] ?? '0',
    end: String(rs.length),
  }));
  const merge = new PartitionMerge(ranges, after);
  for (const [p, rs] of parts) rs.forEach((r, o) => merge.push(msg(p, o, r)));
  const out: number[] = [];
  for (let step = merge.next(); step.kind !== 'end'; step = merge.next()) {
    if (step.kind === 'wait') throw new Error('waits although everything was fetched');
    out.push(step.record.position);
  }
  return { out, merge };
}

describe('merging a topic’s partitions back into the log', () => {
  it('gives every position once, in order, across partitions', () => {
    const { out, merge } = drain(topic(chain(30)));
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(merge.findings).toMatchObject({ messages: 30, duplicates: 0, conflictingDuplicates: [], undecodable: [] });
  });

  it('drops the batch a relay re-sent after a crash (it jumps back within a partition) and counts it', () => {
    const log = chain(30);
    const resent = log
      .filter((r) => r.position >= 10 && r.position <= 15)
      .map((record) => ({ partition: Number(record.streamId.slice(2)), record }));
    const parts = topic(log.slice(0, 15), resent);
    for (const r of log.slice(15)) parts.get(Number(r.streamId.slice(2)))!.push(r);
    const { out, merge } = drain(parts);
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(merge.findings).toMatchObject({ duplicates: 6, conflictingDuplicates: [], uncomparedDuplicates: 0 });
  });

  it('leaves a missing position out (for the chain walker to name) and calls a differing copy a conflict', () => {
    const log = chain(12);
    const forged = { ...log[4], payload: { n: 999 } };
    const { out, merge } = drain(
      topic(
        log.filter((r) => r.position !== 7),
        [{ partition: Number(forged.streamId.slice(2)), record: forged }],
      ),
    );
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(merge.findings.conflictingDuplicates).toEqual([expect.objectContaining({ position: 5 })]);
  });

  it('takes an undecodable message out at once and reports where it is', () => {
    const merge = new PartitionMerge([{ partition: 0, start: '0', end: '3' }]);
    const [a, b] = chain(2);
    merge.push(msg(0, 0, a));
    merge.push({
      partition: 0,
      offset: '1',
      position: null,
      decode: () => {
        throw new Error('not-json: bad bytes');
      },
    });
    merge.push({ partition: 0, offset: '2', position: 2, decode: () => ({ ...b, position: 3 }) });
    const steps = [merge.next(), merge.next()];
    expect(steps.map((s) => s.kind)).toEqual(['record', 'end']);
    expect(merge.findings.undecodable).toEqual([
      { partition: 0, offset: '1', reason: 'not-json: bad bytes' },
      { partition: 0, offset: '2', reason: 'header-mismatch: the position header says 2, the value 3' },
    ]);
  });

  it('waits for a partition that may still hold the next position, and not for one that is done', () => {
    const merge = new PartitionMerge([
      { partition: 0, start: '0', end: '2' },
      { partition: 1, start: '0', end: '0' },
      { partition: 2, start: '0', end: '1' },
    ]);
    const [a, b, c] = chain(3);
    merge.push(msg(0, 0, a));
    expect(merge.next()).toEqual({ kind: 'wait', partitions: [2] });
    merge.push(msg(2, 0, c));
    expect(merge.next()).toMatchObject({ kind: 'record', record: { position: 1 } });
    expect(merge.next()).toEqual({ kind: 'wait', partitions: [0] });
    merge.push(msg(0, 1, b));
    expect(
      [merge.next(), merge.next(), merge.next()].map((s) => (s.kind === 'record' ? s.record.position : s.kind)),
    ).toEqual([2, 3, 'end']);
  });

  it('resumes from its cursor exactly where it stopped', () => {
    const parts = topic(chain(20));
    const ranges = [...parts].map(([p, rs]) => ({ partition: p, start: '0', end: String(rs.length) }));
    const merge = new PartitionMerge(ranges);
    for (const [p, rs] of parts) rs.forEach((r, o) => merge.push(msg(p, o, r)));
    for (let i = 0; i < 8; i++) merge.next();
    const cursor = merge.cursor();
    expect(cursor.position).toBe(8);
    expect(drain(parts, cursor.position, cursor.offsets).out).toEqual(Array.from({ length: 12 }, (_, i) => i + 9));
  });

  it('ignores messages outside the read: before its start, after the end it measured, or fetched twice', () => {
    const [a, b] = chain(2);
    const merge = new PartitionMerge([{ partition: 0, start: '1', end: '2' }]);
    expect(merge.push(msg(0, 0, a))).toBe(false);
    expect(merge.push(msg(0, 1, b))).toBe(true);
    expect(merge.push(msg(0, 1, b))).toBe(false);
    expect(merge.push(msg(0, 2, b))).toBe(false);
    expect(merge.progress()).toEqual({ done: 0, total: 1 });
  });
});
