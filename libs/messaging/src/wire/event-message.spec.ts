import { verifyChain } from '@kompeten/event-store';
import { aRecord } from '../../test/support/event-records';
import { decodeMessage } from './decode-message';
import { encodeRecord } from './event-message';
import { PoisonMessageError } from './poison-message.error';

const asConsumed = (m: { key: string | null; value: string | Buffer | null; headers?: Record<string, string> }) => ({
  key: m.key === null ? null : Buffer.from(m.key),
  value: m.value === null ? null : Buffer.from(m.value),
  headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.from(v)])),
});

const poisonReason = (m: Parameters<typeof asConsumed>[0]): string => {
  try {
    decodeMessage(asConsumed(m));
  } catch (e) {
    if (e instanceof PoisonMessageError) return e.reason;
    throw e;
  }
  throw new Error('decoded without complaint');
};

describe('the event wire format', () => {
  it('keys a message by stream id and carries the routing facts in headers', () => {
    const record = aRecord({
      position: 7,
      schemaVersion: 2,
      metadata: { actor: 'user:x', correlationId: 'corr-1', causationId: 'cause-1', traceparent: '00-abc-def-01' },
    });
    const m = encodeRecord(record);
    expect(m.key).toBe(record.streamId);
    expect(m.headers).toEqual({
      'content-type': 'application/json',
      type: 'StaffRegistered',
      'schema-version': '2',
      'event-id': record.eventId,
      'stream-id': record.streamId,
      position: '7',
      'correlation-id': 'corr-1',
      'causation-id': 'cause-1',
      traceparent: '00-abc-def-01',
    });
  });

  it('sends an empty causation id and no traceparent when the metadata has none', () => {
    const m = encodeRecord(aRecord());
    expect(m.headers['causation-id']).toBe('');
    expect(m.headers).not.toHaveProperty('traceparent');
  });

  it('gives back exactly the stored record, so the hash chain verifies from the Kafka copy', async () => {
    const first = aRecord();
    const second = aRecord({
      position: 2,
      streamVersion: 2,
      prevHash: first.hash,
      payload: { name: { $personal: { v: 1, subject: 's', alg: 'A256GCM', iv: 'aQ==', ct: 'Yw==', tag: 'dA==' } } },
    });
    const decoded = [first, second].map((r) => decodeMessage(asConsumed(encodeRecord(r))));
    expect(decoded).toEqual([first, second]);
    expect(await verifyChain(decoded)).toMatchObject({ ok: true, count: 2 });
  });

  it('keeps metadata fields it does not know, because the hash covers them', () => {
    const record = aRecord({
      metadata: { actor: 'a', correlationId: 'c', causationId: null, tenant: 'bukittinggi' } as never,
    });
    expect(decodeMessage(asConsumed(encodeRecord(record))).metadata).toEqual(record.metadata);
  });

  it('calls a message without a value poison', () => {
    expect(poisonReason({ key: 'k', value: null })).toBe('empty-value');
    expect(poisonReason({ key: 'k', value: '' })).toBe('empty-value');
  });

  it('calls bytes that are not JSON poison', () => {
    expect(poisonReason({ key: 'k', value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) })).toBe('not-json');
  });

  it.each([
    ['a JSON array', []],
    ['a record without a payload', (({ payload, ...rest }) => rest)(aRecord())],
    ['a position of zero', { ...aRecord(), position: 0 }],
    ['a fractional stream version', { ...aRecord(), streamVersion: 1.5 }],
    ['an event id that is not a uuid', { ...aRecord(), eventId: 'evt-1' }],
    ['a timestamp that is not one', { ...aRecord(), occurredAt: 'yesterday' }],
    ['a short hash', { ...aRecord(), hash: 'abc' }],
    ['metadata without an actor', { ...aRecord(), metadata: { correlationId: 'c', causationId: null } }],
    ['a numeric causation id', { ...aRecord(), metadata: { actor: 'a', correlationId: 'c', causationId: 7 } }],
  ])('calls %s an invalid record', (_name, value) => {
    expect(poisonReason({ key: null, value: JSON.stringify(value) })).toBe('invalid-record');
  });

  it("keys a sub-stream's message by its parent, so a programme and its participants share a partition", () => {
    const m = encodeRecord(aRecord({ streamId: 'programme-p1/198609262015051001' }));
    expect(m.key).toBe('programme-p1');
    expect(m.headers['stream-id']).toBe('programme-p1/198609262015051001');
    expect(decodeMessage(m).streamId).toBe('programme-p1/198609262015051001');
    expect(poisonReason({ ...m, key: 'programme-p1/198609262015051001' })).toBe('key-mismatch');
  });

  it('calls a message whose key is not the stream id poison', () => {
    const m = encodeRecord(aRecord());
    expect(poisonReason({ ...m, key: 'another-stream' })).toBe('key-mismatch');
  });

  it('calls a message whose headers contradict its value poison', () => {
    const m = encodeRecord(aRecord());
    expect(poisonReason({ ...m, headers: { ...m.headers, 'event-id': aRecord().eventId } })).toBe('header-mismatch');
    expect(poisonReason({ ...m, headers: { ...m.headers, 'content-type': 'application/avro' } })).toBe(
      'header-mismatch',
    );
  });

  it('accepts a record without key or headers (the value is authoritative)', () => {
    const record = aRecord();
    expect(decodeMessage({ value: Buffer.from(JSON.stringify(record)) })).toEqual(record);
  });
});
