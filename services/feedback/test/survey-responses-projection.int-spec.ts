import type { DataSource } from 'typeorm';
import type { StoredEvent } from '@kompeten/event-store';
import { createTestDatabase, migratedDataSource, TestDatabase } from '@kompeten/testing';
import { surveyResponsesProjection as projection } from '../src/read-models/survey-responses.projection';

const scores = (n: number) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`u${i}`, ((n + i) % 4) + 1]));
let position = 0;
const event = (type: string, data: object, extra: Partial<StoredEvent> = {}) =>
  ({
    type,
    data,
    position: ++position,
    recordedAt: `2026-03-0${1 + (position % 8)}T0${position % 10}:00:00.000Z`,
    ...extra,
  }) as unknown as StoredEvent;
const submitted = (id: string, more: object = {}, extra: Partial<StoredEvent> = {}) =>
  event(
    'SurveyResponseSubmitted',
    {
      submissionId: id,
      unitCode: 'PKM-X',
      opd: 'DINKES',
      serviceCode: 'POLI-UMUM',
      servedOn: '2026-02-27',
      scores: scores(id.length),
      servedBy: null,
      comment: null,
      contact: null,
      respondent: null,
      channel: 'kiosk',
      ...more,
    },
    extra,
  );

/** A row of the survey responses table, as far as the test names its columns (it compares whole rows). */
interface ResponseRow {
  submission_id: string;
  status: string;
  has_comment: boolean;
  [column: string]: unknown;
}

// The batch path (a run of submissions is one insert) must leave exactly the table the one-by-one path leaves.
describe('the survey responses projection', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('survey_projection');
    ds = await migratedDataSource(db, []);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('applies a batch exactly as it applies the same events one by one', async () => {
    const events = [
      submitted('s-1'),
      submitted('s-2', { servedBy: '198609262015051001', respondent: { gender: 'P', ageBand: '25-34' } }),
      submitted('s-3', { channel: 'paper' }, { erased: ['comment'] }),
      event('SurveyResponseRejected', {
        submissionId: 's-2',
        unitCode: 'PKM-X',
        servedOn: '2026-02-27',
        reason: 'duplicate',
        note: null,
      }),
      submitted('s-4', { channel: 'qr' }),
      event('SurveyResponseRejected', {
        submissionId: 's-4',
        unitCode: 'PKM-X',
        servedOn: '2026-02-27',
        reason: 'test',
        note: null,
      }),
    ];
    const table = async (name: string, fill: (tx: Parameters<typeof projection.apply>[1]) => Promise<void>) => {
      const tx = ds.createQueryRunner();
      await tx.connect();
      try {
        await projection.createTable(tx, name);
        await fill(tx);
        return await tx.manager.query<ResponseRow[]>(`select * from "${name}" order by submission_id`);
      } finally {
        await tx.release();
      }
    };
    const oneByOne = await table('one_by_one', async (tx) => {
      for (const e of events) await projection.apply(e, tx, 'one_by_one');
    });
    const batched = await table('batched', (tx) => projection.applyBatch!(events, tx, 'batched'));
    expect(batched).toEqual(oneByOne);
    expect(batched.map((r) => [r.submission_id, r.status, r.has_comment])).toEqual([
      ['s-1', 'valid', false],
      ['s-2', 'rejected', false],
      ['s-3', 'valid', true],
      ['s-4', 'rejected', false],
    ]);
    expect(batched[1]).toMatchObject({
      served_by: '198609262015051001',
      respondent: { gender: 'P', ageBand: '25-34' },
    });
  });
});
