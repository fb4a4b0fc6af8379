import { DomainError, refusalOf } from '@kompeten/domain';
import { initialLearningPlatformState, type LearningPlatformState } from '../learning-platform.state';
import { mapStatement, percentOf } from './xapi-mapping';
import { readStatement } from './xapi-statement';
import { statement } from './xapi-statement.mother';

const platform: LearningPlatformState = {
  ...initialLearningPlatformState(),
  status: 'registered',
  clientId: 'moodle-bkpsdm',
  actorHomePage: 'https://elearning.example',
  activities: [
    {
      activityId: 'https://elearning.example/mod/scorm/view.php?id=1',
      programmeId: 'kom-efektif-2026',
      moduleId: 'm1',
    },
  ],
};
const RECEIVED = '2026-03-02T03:00:00.000Z';
const map = (over: Record<string, unknown> = {}) =>
  mapStatement(readStatement(statement(over), 0), platform, 0, RECEIVED);
const verb = (name: string) => ({ verb: { id: `http://adlnet.gov/expapi/verbs/${name}` } });
const refusal = refusalOf;

describe('what an xAPI statement means to a self-paced programme', () => {
  it('completed: the module completed, with its score as a percentage and the time on task', () => {
    expect(map()).toMatchObject({
      kind: 'progress',
      mappedTo: 'completed',
      nip: '198609262015051001',
      programmeId: 'kom-efektif-2026',
      moduleId: 'm1',
      score: 85,
      seconds: 1800,
      deviceTimestamp: '2026-03-02T09:00:00+07:00',
    });
  });
  it('maps the ADL verbs: initialized → started, progressed → spent, passed → completed, failed → scored', () => {
    expect(map(verb('initialized'))).toMatchObject({ mappedTo: 'started' });
    expect(map(verb('progressed'))).toMatchObject({ mappedTo: 'spent', seconds: 1800 });
    expect(map(verb('passed'))).toMatchObject({ mappedTo: 'completed', score: 85 });
    expect(map(verb('failed'))).toMatchObject({ mappedTo: 'scored', score: 85 });
  });
  it('ignores every other verb, whatever its object', () => {
    expect(map(verb('experienced')).kind).toBe('ignored');
    expect(
      map({ ...verb('attempted'), object: { objectType: 'Activity', id: 'https://elsewhere.example/x' } }).kind,
    ).toBe('ignored');
  });
  it('without a timestamp, the statement is dated when it was received', () => {
    expect(map({ timestamp: undefined })).toMatchObject({ deviceTimestamp: RECEIVED });
  });
  it('an activity the platform did not map is 404; another homePage or a name that is no NIP is 400 naming it', () => {
    expect(refusal(() => map({ object: { id: 'https://elearning.example/mod/forum/view.php?id=9' } }))).toMatchObject({
      kind: 'not-found',
      slug: 'activity-not-mapped',
    });
    const actor = (homePage: string, name: string) => ({ actor: { account: { homePage, name } } });
    expect(refusal(() => map(actor('https://other.example', '198609262015051001'))).extensions.errors).toEqual([
      expect.objectContaining({ field: 'statements[0].actor.account.homePage' }),
    ]);
    expect(refusal(() => map(actor('https://elearning.example', 'siti'))).extensions.errors).toEqual([
      expect.objectContaining({ field: 'statements[0].actor.account.name' }),
    ]);
  });
  it('more than a day of time on task in one statement is refused, naming result.duration', () => {
    expect(refusal(() => map({ result: { duration: 'P2D' } })).extensions.errors).toEqual([
      expect.objectContaining({ field: 'statements[0].result.duration' }),
    ]);
  });
});

describe('a score as the programme reads it (0–100)', () => {
  const field = (f: string) => f;
  it('scaled first (a negative one is 0), else raw within min..max, else raw alone when 0–100', () => {
    expect(percentOf({ scaled: 0.7 }, field)).toBe(70);
    expect(percentOf({ scaled: -0.4 }, field)).toBe(0);
    expect(percentOf({ raw: 8, min: 0, max: 10 }, field)).toBe(80);
    expect(percentOf({ raw: 75 }, field)).toBe(75);
    expect(percentOf(null, field)).toBeNull();
  });
  it('raw alone outside 0–100 cannot be read as a percentage: 400', () => {
    expect(() => percentOf({ raw: 640 }, field)).toThrow(DomainError);
  });
});
