import { EventRecord, eventHash, GENESIS_HASH, verifyChain } from '@kompeten/event-store';
import { ChainWalker } from './chain-walker';

function chain(n: number): EventRecord[] {
  const out: EventRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      position: i,
      eventId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      streamId: 'staff-1',
      streamVersion: i,
      type: 'StaffTransferred',
      schemaVersion: 1,
      occurredAt: '2026-01-02T03:04:05.006Z',
      recordedAt: '2026-01-02T03:04:05.007Z',
      metadata: { actor: 'user:officer', correlationId: 'c-1', causationId: null },
      payload: { to: { opd: `OPD-${i}` } },
    };
    const hash = eventHash(prevHash, base);
    out.push({ ...base, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

const walk = (records: EventRecord[], walker = new ChainWalker()) => {
  for (const r of records) if (walker.check(r)) break;
  return walker;
};

describe('walking the hash chain one record at a time', () => {
  it.each([
    ['an untouched log', (l: EventRecord[]) => l],
    [
      'an altered payload',
      (l: EventRecord[]) => l.map((r) => (r.position === 4 ? { ...r, payload: { to: { opd: 'X' } } } : r)),
    ],
    ['a dropped event', (l: EventRecord[]) => l.filter((r) => r.position !== 3)],
    ['a relinked event', (l: EventRecord[]) => l.map((r) => (r.position === 5 ? { ...r, prevHash: GENESIS_HASH } : r))],
  ])('finds what verifyChain finds in %s', async (_name, change) => {
    const log = change(chain(8));
    const walker = walk(log);
    const report = await verifyChain(log);
    const brk = (b?: { position: number; reason: string }) => b && { position: b.position, reason: b.reason };
    expect({
      count: walker.count,
      headPosition: walker.head.position,
      headHash: walker.head.hash,
      firstBreak: brk(walker.firstBreak),
    }).toEqual({
      count: report.count,
      headPosition: report.headPosition,
      headHash: report.headHash,
      firstBreak: brk(report.firstBreak),
    });
  });

  it('resumes from a saved point as if it had never stopped', () => {
    const log = chain(10);
    const first = walk(log.slice(0, 6));
    const resumed = walk(log.slice(6), new ChainWalker(first.head));
    expect(resumed.head).toEqual(walk(log).head);
    expect(resumed.count).toBe(4);
  });

  it('names the first missing position at the end when the head says the log goes further', () => {
    const walker = walk(chain(5));
    expect(walker.expectUpTo(7, 'es_head')).toMatchObject({ position: 6, reason: 'missing' });
    expect(walk(chain(5)).expectUpTo(5, 'es_head')).toBeUndefined();
  });
});
