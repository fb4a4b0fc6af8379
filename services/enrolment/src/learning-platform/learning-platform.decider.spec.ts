import type { LearningPlatformEvent } from '@kompeten/contracts';
import { givenEvents, refusalOf } from '@kompeten/domain';
import type { LearningPlatformCommand } from './learning-platform.commands';
import { learningPlatformDecider } from './learning-platform.decider';

const given = (...events: LearningPlatformEvent[]) => givenEvents(learningPlatformDecider, events);
const ACTIVITIES = [
  { activityId: 'https://elearning.example/mod/scorm/view.php?id=1', programmeId: 'kom-efektif-2026', moduleId: 'm1' },
  { activityId: 'https://elearning.example/mod/quiz/view.php?id=2', programmeId: 'kom-efektif-2026', moduleId: 'm2' },
];
const register = (over: Partial<Extract<LearningPlatformCommand, { type: 'RegisterLearningPlatform' }>> = {}) =>
  ({
    type: 'RegisterLearningPlatform',
    clientId: 'moodle-bkpsdm',
    name: 'Moodle BKPSDM',
    actorHomePage: 'https://elearning.example',
    activities: ACTIVITIES,
    today: '2026-03-02',
    ...over,
  }) satisfies LearningPlatformCommand;
const registered = (revision: number, activities = ACTIVITIES): LearningPlatformEvent => ({
  type: 'LearningPlatformRegistered',
  data: {
    clientId: 'moodle-bkpsdm',
    name: 'Moodle BKPSDM',
    actorHomePage: 'https://elearning.example',
    activities,
    revision,
    registeredOn: '2026-03-02',
  },
});
const retired: LearningPlatformEvent = {
  type: 'LearningPlatformRetired',
  data: { clientId: 'moodle-bkpsdm', retiredOn: '2026-04-01' },
};
const retire = { type: 'RetireLearningPlatform', clientId: 'moodle-bkpsdm', today: '2026-04-01' } as const;

const refusal = refusalOf;

describe('registering a learning platform', () => {
  it('given nothing, when an admin registers the platform, then it is registered as revision 1', () => {
    expect(given().when(register())).toEqual([registered(1)]);
  });
  it('the same registration again appends nothing, whatever the order of the stored keys', () => {
    const stored = registered(
      1,
      ACTIVITIES.map(({ moduleId, programmeId, activityId }) => ({ moduleId, programmeId, activityId })),
    );
    expect(given(stored).when(register())).toEqual([]);
  });
  it('a new mapping replaces the whole registration as the next revision', () => {
    const one = [ACTIVITIES[0]];
    expect(given(registered(1)).when(register({ activities: one }))).toEqual([registered(2, one)]);
  });
  it('names an activity mapped twice as activities[i].activityId', () => {
    expect(refusal(() => given().when(register({ activities: [...ACTIVITIES, ACTIVITIES[0]] })))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [expect.objectContaining({ field: 'activities[2].activityId' })] },
    });
  });
  it('a retired client id is not registered again: 409', () => {
    expect(refusal(() => given(registered(1), retired).when(register()))).toMatchObject({
      kind: 'conflict',
      slug: 'learning-platform-retired',
    });
  });
});

describe('retiring a learning platform', () => {
  it('given a registered platform, when the admin retires it, then it is retired', () => {
    expect(given(registered(1)).when(retire)).toEqual([retired]);
    expect(given(registered(1), retired).state.status).toBe('retired');
  });
  it('retiring twice appends nothing; an unknown client id is 404', () => {
    expect(given(registered(1), retired).when(retire)).toEqual([]);
    expect(refusal(() => given().when(retire)).kind).toBe('not-found');
  });
});
