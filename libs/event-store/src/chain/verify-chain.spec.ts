import type { EventRecord } from '../store/event-envelope';
import { eventHash, GENESIS_HASH } from './event-hash';
import { verifyChain } from './verify-chain';

function chain(n: number): EventRecord[] {
  const out: EventRecord[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      position: i,
      eventId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      streamId: `staff-${i % 3}`,
      streamVersion: Math.ceil(i / 3),
      type: 'StaffRegistered',
      schemaVersion: 1,
      occurredAt: '2026-01-02T03:04:05.006Z',
      recordedAt: '2026-01-02T03:04:05.007Z',
      metadata: { actor: 'user:officer', correlationId: 'c-1', causationId: null },
      payload: { nip: `19860926201505100${i % 10}`, jp: i },
    };
    const hash = eventHash(prevHash, base);
    out.push({ ...base, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

describe('the hash chain', () => {
  it('verifies an untouched log and reports its head', async () => {
    const log = chain(5);
    await expect(verifyChain(log)).resolves.toEqual({ count: 5, headHash: log[4].hash, headPosition: 5, ok: true });
  });

  it('does not depend on the order of keys in the payload (RFC 8785)', () => {
    const [e] = chain(1);
    const reordered = { ...e, payload: { jp: 1, nip: (e.payload as { nip: string }).nip } };
    expect(eventHash(GENESIS_HASH, reordered)).toBe(e.hash);
  });

  it('names the position whose payload was altered', async () => {
    const log = chain(6);
    log[3] = { ...log[3], payload: { ...(log[3].payload as object), jp: 999 } };
    const report = await verifyChain(log);
    expect(report).toMatchObject({ ok: false, count: 3, firstBreak: { position: 4, reason: 'hash-mismatch' } });
  });

  it('names the first missing position when an event was dropped', async () => {
    const log = chain(6);
    log.splice(2, 1);
    expect((await verifyChain(log)).firstBreak).toMatchObject({ position: 3, reason: 'missing' });
  });

  it('catches an event whose hash was recomputed after tampering, at the next link', async () => {
    const log = chain(4);
    const forged = { ...log[1], payload: { forged: true } };
    log[1] = { ...forged, hash: eventHash(forged.prevHash, forged) };
    expect((await verifyChain(log)).firstBreak).toMatchObject({ position: 3, reason: 'prev-hash-mismatch' });
  });

  it('treats an empty log as intact, with the genesis hash as head', async () => {
    await expect(verifyChain([])).resolves.toEqual({ count: 0, headHash: GENESIS_HASH, headPosition: 0, ok: true });
  });
});
