import type { EventRecord } from '@kompeten/event-store';
import type { RecordSource } from '../sources/record-source';
import { cut, mergeByTime, SourcedRecord } from './cut-sources';
import { compareKeys } from './view-reader';

const record = (position: number, recordedAt: string) => ({ position, recordedAt }) as EventRecord;

function source(records: EventRecord[]): RecordSource {
  let last = 0;
  return {
    kind: 'store',
    // eslint-disable-next-line @typescript-eslint/require-await -- in memory: nothing to await (the interface is async)
    async *records(from) {
      for (const r of records)
        if (r.position > from.position) {
          last = r.position;
          yield r;
        }
    },
    cursor: () => ({ position: last }),
    progress: () => ({ done: last, total: records.length }),
  };
}

const collect = async (g: AsyncGenerator<SourcedRecord>) => {
  const out: string[] = [];
  for await (const i of g) out.push(`${i.service}:${i.record.position}@${i.cursor.position}`);
  return out;
};
const log = [
  record(1, '2026-03-01T00:00:00.000Z'),
  record(2, '2026-03-02T00:00:00.000Z'),
  record(3, '2026-03-03T00:00:00.000Z'),
];

describe('cutting logs and merging them by time', () => {
  it('stops a log at a position, or at the first event recorded after a moment', async () => {
    expect(await collect(cut('enrolment', source(log), { position: 0 }, { position: 2 }))).toEqual([
      'enrolment:1@1',
      'enrolment:2@2',
    ]);
    expect(await collect(cut('enrolment', source(log), { position: 0 }, { asOf: '2026-03-02T12:00:00.000Z' }))).toEqual(
      ['enrolment:1@1', 'enrolment:2@2'],
    );
    expect(await collect(cut('enrolment', source(log), { position: 2 }, {}))).toEqual(['enrolment:3@3']);
  });

  it('interleaves several services’ logs by recording time, each keeping its own order', async () => {
    const budget = [record(1, '2026-03-01T12:00:00.000Z'), record(2, '2026-03-04T00:00:00.000Z')];
    const merged = await collect(
      mergeByTime([
        cut('enrolment', source(log), { position: 0 }, {}),
        cut('budget', source(budget), { position: 0 }, {}),
      ]),
    );
    expect(merged).toEqual(['enrolment:1@1', 'budget:1@1', 'enrolment:2@2', 'enrolment:3@3', 'budget:2@2']);
  });

  it('orders view keys as Postgres does with COLLATE "C" (bytes), nulls last', () => {
    expect(compareKeys(['a'], ['b'])).toBeLessThan(0);
    expect(compareKeys(['Z'], ['a'])).toBeLessThan(0);
    expect(compareKeys(['10'], ['9'])).toBeLessThan(0);
    expect(compareKeys(['x', null], ['x', 'y'])).toBeGreaterThan(0);
    expect(compareKeys(['\uffff'], ['😀'])).toBeLessThan(0); // UTF-8 bytes, not UTF-16 code units
  });
});
