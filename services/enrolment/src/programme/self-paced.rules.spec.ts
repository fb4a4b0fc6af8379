import type { ProgrammeEvent } from '@kompeten/contracts';
import { confirmed, enrol, given, problemOf, published } from '../../test/programme.mother';
import type { ProgrammeCommand } from './programme.commands';
import { DEVICE_CLOCK_SKEW_MS, SECONDS_PER_JP } from './self-paced.rules';

type Statement = Extract<ProgrammeCommand, { type: 'RecordLearningProgress' }>;

const rule = { modules: ['m1', 'm2'], minScore: 70 };
/** A 2-JP mobile course (90 minutes on task), enrolled on 1 March 2026 and confirmed. */
const mobile = (): ProgrammeEvent[] => {
  const events: ProgrammeEvent[] = [published({ form: 'mobile', jp: 2, sessions: [], completionRule: rule })];
  events.push(...given(...events).when(enrol('a', '2026-03-01')), confirmed('a'));
  return events;
};
const statement = (statementId: string, over: Partial<Statement> = {}): Statement => ({
  type: 'RecordLearningProgress',
  nip: 'a',
  statementId,
  verb: 'completed',
  moduleId: 'm1',
  score: 80,
  seconds: SECONDS_PER_JP,
  deviceTimestamp: '2026-03-05T10:00:00.000Z',
  deviceDate: '2026-03-05',
  receivedAt: '2026-03-05T10:01:00.000Z',
  ...over,
});
const after = (events: ProgrammeEvent[], ...statements: Statement[]) => {
  const all = [...events];
  for (const s of statements) all.push(...given(...all).when(s));
  return all;
};

describe('self-paced learning', () => {
  it('applies a resent statement once', () => {
    const first = given(...mobile()).when(statement('st-1', { verb: 'started' }));
    expect(first).toHaveLength(1);
    expect(given(...mobile(), ...first).when(statement('st-1', { verb: 'started' }))).toEqual([]);
  });
  it('completes when every module is completed with the minimum score and the time covers the JP', () => {
    const events = after(mobile(), statement('st-1'));
    const last = given(...events).when(statement('st-2', { moduleId: 'm2', score: 90 }));
    expect(last.map((e) => e.type)).toEqual(['LearningProgressRecorded', 'TrainingCompleted']);
    expect(last[1].data).toMatchObject({ completedOn: '2026-03-05', jp: 2, year: 2026 });
  });
  it('dates the completion by the city’s date of the completing statement, not its UTC date', () => {
    // 20:00 UTC on 5 March is 03:00 WIB on 6 March: the handler passes the city's date.
    const events = after(mobile(), statement('st-1'));
    const last = given(...events).when(
      statement('st-2', {
        moduleId: 'm2',
        deviceTimestamp: '2026-03-05T20:00:00.000Z',
        deviceDate: '2026-03-06',
        receivedAt: '2026-03-05T20:00:10.000Z',
      }),
    );
    expect(last[1].data).toMatchObject({ completedOn: '2026-03-06' });
  });
  it('waits for the time on task to cover the JP (1 JP = 45 minutes) before crediting them', () => {
    const short = { seconds: 20 * 60 };
    const events = after(mobile(), statement('st-1', short));
    const modulesDone = given(...events).when(statement('st-2', { ...short, moduleId: 'm2' }));
    expect(modulesDone.map((e) => e.type)).toEqual(['LearningProgressRecorded']);
    // 40 minutes so far; 50 more on a later day complete it, dated that day.
    const spent = statement('st-3', {
      verb: 'spent',
      score: null,
      seconds: 50 * 60,
      deviceTimestamp: '2026-03-07T02:00:00.000Z',
      deviceDate: '2026-03-07',
      receivedAt: '2026-03-07T02:00:00.000Z',
    });
    const last = given(...events, ...modulesDone).when(spent);
    expect(last.map((e) => e.type)).toEqual(['LearningProgressRecorded', 'TrainingCompleted']);
    expect(last[1].data).toMatchObject({ completedOn: '2026-03-07' });
  });
  it('does not complete below the minimum score', () => {
    const events = after(mobile(), statement('st-1', { score: 50 }));
    expect(
      given(...events)
        .when(statement('st-2', { moduleId: 'm2', score: 90 }))
        .map((e) => e.type),
    ).toEqual(['LearningProgressRecorded']);
  });
  it('refuses a device timestamp more than the allowed skew ahead of the service, naming deviceTimestamp', () => {
    const receivedAt = '2026-03-05T10:00:00.000Z';
    const ahead = (ms: number) => new Date(Date.parse(receivedAt) + ms).toISOString();
    expect(
      problemOf(() =>
        given(...mobile()).when(statement('st-1', { receivedAt, deviceTimestamp: ahead(DEVICE_CLOCK_SKEW_MS + 1000) })),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'deviceTimestamp' }] } });
    expect(
      given(...mobile()).when(statement('st-1', { receivedAt, deviceTimestamp: ahead(DEVICE_CLOCK_SKEW_MS - 1000) })),
    ).toHaveLength(1);
  });
  it('refuses a statement dated before the enrolment, naming deviceTimestamp', () => {
    expect(
      problemOf(() =>
        given(...mobile()).when(
          statement('st-1', { deviceTimestamp: '2026-02-28T10:00:00.000Z', deviceDate: '2026-02-28' }),
        ),
      ),
    ).toMatchObject({ kind: 'invalid', extensions: { errors: [{ field: 'deviceTimestamp' }] } });
  });
  it('refuses a module the programme does not have', () => {
    expect(problemOf(() => given(...mobile()).when(statement('st-1', { moduleId: 'm9' }))).kind).toBe('invalid');
  });
});
