import type { QueryRunner } from 'typeorm';
import type { DomainEvent, StoredEvent } from '@kompeten/event-store';
import { aRecord } from '../../test/support/event-records';
import { projection } from './typed-projection';

type Opened = DomainEvent<'UnitOpened', { unit: string }>;
type Scored = DomainEvent<'ResponseScored', { unit: string; score: number }>;
type Closed = DomainEvent<'UnitClosed', { unit: string; on: string }>;
type UnitEvent = Opened | Scored | Closed;

const tx = {} as QueryRunner;
const event = <E extends DomainEvent>(type: E['type'], data: E['data'], position: number): StoredEvent => {
  const { payload: _stored, ...record } = aRecord({ type, position });
  return { ...record, data };
};
const opened = (unit: string, p: number) => event<Opened>('UnitOpened', { unit }, p);
const scored = (score: number, p: number) => event<Scored>('ResponseScored', { unit: 'A', score }, p);
const closed = (p: number) => event<Closed>('UnitClosed', { unit: 'A', on: '2026-01-31' }, p);

/** A projection that writes down what each handler was given, in order. */
function recording() {
  const calls: string[] = [];
  const note = (call: string) => Promise.resolve(void calls.push(call));
  const units = projection<UnitEvent>({
    name: 'units',
    createTable: () => Promise.resolve(),
    on: {
      UnitOpened: (e, _tx, table) => note(`${table}: opened ${e.data.unit}`),
      UnitClosed: (e) => note(`closed ${e.data.unit} on ${e.data.on}`),
    },
    onBatch: {
      ResponseScored: (events) => note(`scores ${events.map((e) => e.data.score).join(',')}`),
    },
  });
  return { units, calls };
}

describe('a projection written as one handler per event type', () => {
  it('reads exactly the types it has handlers for', () => {
    expect(recording().units.eventTypes).toEqual(['UnitOpened', 'UnitClosed', 'ResponseScored']);
  });

  it('hands each event to the handler of its type, and ignores the types it has none for', async () => {
    const { units, calls } = recording();
    for (const e of [opened('A', 1), event('UnitRenamed', { unit: 'A' }, 2), scored(4, 3), closed(4)])
      await units.apply(e, tx, 'units__v1');
    expect(calls).toEqual(['units__v1: opened A', 'scores 4', 'closed A on 2026-01-31']);
  });

  it('gives a batch handler each run of consecutive events of its type at once, in log order', async () => {
    const { units, calls } = recording();
    const log = [scored(1, 1), scored(2, 2), opened('B', 3), scored(3, 4), closed(5), scored(4, 6), scored(5, 7)];
    await units.applyBatch!(log, tx, 'units__v1');
    expect(calls).toEqual(['scores 1,2', 'units__v1: opened B', 'scores 3', 'closed A on 2026-01-31', 'scores 4,5']);
  });

  it('applies a batch one event at a time when no type is batched', () => {
    const plain = projection<UnitEvent>({ name: 'plain', createTable: () => Promise.resolve(), on: {} });
    expect('applyBatch' in plain).toBe(false);
  });

  it('refuses a type with a handler in both on and onBatch', () => {
    const noop = () => Promise.resolve();
    expect(() =>
      projection<UnitEvent>({
        name: 'twice',
        createTable: noop,
        on: { ResponseScored: noop },
        onBatch: { ResponseScored: noop },
      }),
    ).toThrow('projection twice: ResponseScored has handlers in both on and onBatch');
  });
});
