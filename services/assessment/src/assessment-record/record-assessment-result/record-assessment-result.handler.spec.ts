import type { DataSource } from 'typeorm';
import type { AssessmentRecordEvent } from '@kompeten/contracts';
import type { recordAssessmentResult } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import type { EventStore, NewEvent, StoredEvent } from '@kompeten/event-store';
import type { Clock, UseCaseRequest } from '@kompeten/platform';
import { NIP, postScheduled } from '../../../test/assessment-record.mother';
import { AssessmentPolicy } from '../../assessment.policy';
import { RecordAssessmentResultHandler } from './record-assessment-result.handler';

/**
 * The handler gives the decider "today" as the city's date. At 03:00 WIB on 10 February it is still
 * 9 February in UTC: a result dated 10 February is today's, not "after today".
 */
const THREE_AM_WIB = new Date('2026-02-09T20:00:00.000Z');

/** A store holding one staff member's record (the post-assessment scheduled), recording what is appended. */
function storeWith(record: AssessmentRecordEvent[]) {
  const appended: NewEvent[] = [];
  const stored = (e: AssessmentRecordEvent, i: number) => ({ ...e, streamVersion: i + 1 }) as StoredEvent;
  const store = {
    readStream: (streamId: string, from = 1) =>
      Promise.resolve(streamId === `assessment-record-${NIP}` ? record.map(stored).slice(from - 1) : []),
    append: (_streamId: string, _expected: unknown, events: NewEvent[]) => {
      appended.push(...events);
      return Promise.resolve(
        events.map((e, i) => ({ ...e, streamVersion: record.length + i + 1 }) as unknown as StoredEvent),
      );
    },
  } as unknown as EventStore;
  return { store, appended };
}

const roster = {
  query: () =>
    Promise.resolve([
      {
        nip: NIP,
        employment_type: 'PNS',
        opd: 'DINKES',
        service_unit: 'PKM',
        position: 'Perawat',
        position_key: 'perawat',
        status: 'active',
      },
    ]),
} as unknown as DataSource;

const request = (body: { assessedOn?: string; score?: number }) =>
  ({
    params: { nip: NIP, assessmentId: postScheduled.data.assessmentId },
    body: { assessor: 'assessor:198001012005011001', method: 'test', score: 85, ...body },
    metadata: { actor: 'user:officer', correlationId: 'c', causationId: null },
  }) as unknown as UseCaseRequest<typeof recordAssessmentResult>;

describe('recording a result at 03:00 WIB', () => {
  const clock: Clock = { now: () => new Date(THREE_AM_WIB) };
  const handler = (store: EventStore) =>
    new RecordAssessmentResultHandler(
      store,
      roster,
      clock,
      new CityCalendar('Asia/Jakarta'),
      new AssessmentPolicy(7, 14, 3, 36, 3, 60_000),
    );

  it('accepts a result dated today in the city, though the UTC date is still yesterday', async () => {
    const { store, appended } = storeWith([postScheduled]);
    await handler(store).handle(request({ assessedOn: '2026-02-10' }));
    expect(appended.map((e) => e.type)).toEqual(['AssessmentRecorded', 'CompetencyCertified']);
    expect(appended[0].data).toMatchObject({ assessedOn: '2026-02-10', level: 4 });
  });

  it('dates a result without a date by the city’s today', async () => {
    const { store, appended } = storeWith([postScheduled]);
    await handler(store).handle(request({}));
    expect(appended[0].data).toMatchObject({ assessedOn: '2026-02-10' });
  });

  it('still refuses tomorrow, naming assessedOn', async () => {
    const { store, appended } = storeWith([postScheduled]);
    const refusal = await handler(store)
      .handle(request({ assessedOn: '2026-02-11' }))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).extensions.errors).toEqual([
      { field: 'assessedOn', message: 'cannot be after today (2026-02-10)' },
    ]);
    expect(appended).toEqual([]);
  });
});
