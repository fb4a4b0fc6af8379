import type { QueryRunner } from 'typeorm';
import type { DomainEvent, StoredEvent } from '@kompeten/event-store';
import { aRecord } from '../../test/support/event-records';
import { eventHandler } from './event-handler';

type Registered = DomainEvent<'StaffRegistered', { nip: string; workUnit: { opd: string } }>;
type Left = DomainEvent<'StaffLeft', { nip: string; effectiveOn: string }>;

const tx = {} as QueryRunner;
const stored = (type: string, data: unknown): StoredEvent => {
  const { payload: _stored, ...record } = aRecord({ type });
  return { ...record, data };
};

describe('a consumer handler written as one function per event type', () => {
  const seen: string[] = [];
  const note = (what: string) => Promise.resolve(void seen.push(what));
  const handle = eventHandler<Registered | Left>({
    StaffRegistered: ({ data }) => note(`${data.nip} works at ${data.workUnit.opd}`),
    StaffLeft: ({ data }) => note(`${data.nip} left on ${data.effectiveOn}`),
  });
  beforeEach(() => seen.splice(0));

  it('names the types it handles, so that the consumer skips the others unopened', () => {
    expect(handle.eventTypes).toEqual(['StaffRegistered', 'StaffLeft']);
  });

  it('hands each event to the function of its type', async () => {
    await handle(stored('StaffRegistered', { nip: '1', workUnit: { opd: 'DINKES' } }), tx);
    await handle(stored('StaffLeft', { nip: '1', effectiveOn: '2026-01-31' }), tx);
    expect(seen).toEqual(['1 works at DINKES', '1 left on 2026-01-31']);
  });

  it('ignores a type it has no function for, even one named like a property of every object', async () => {
    await handle(stored('StaffTransferred', {}), tx);
    await handle(stored('toString', {}), tx);
    expect(seen).toEqual([]);
  });
});
