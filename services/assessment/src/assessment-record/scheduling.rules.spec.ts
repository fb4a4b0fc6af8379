import {
  ENROLMENT,
  given,
  NIP,
  onTheJobScheduled,
  postScheduled,
  preScheduled,
  problemOf,
} from '../../test/assessment-record.mother';
import type { CommandOf } from './assessment-record.commands';

const afterTraining = {
  type: 'ScheduleAfterTraining',
  nip: NIP,
  enrolmentId: ENROLMENT,
  programmeId: 'kom-2026',
  competencyCode: 'manajemen-pasien',
  completedOn: '2026-02-03',
  postDueDays: 14,
  followUpMonths: 3,
} as const;
const byHand = (over: Partial<CommandOf<'ScheduleAssessment'>>): CommandOf<'ScheduleAssessment'> => ({
  type: 'ScheduleAssessment',
  nip: NIP,
  assessmentId: 'a-1',
  kind: 'periodic',
  competencyCode: 'komunikasi',
  competencyKnown: true,
  enrolmentId: null,
  dueOn: '2026-06-30',
  ...over,
});

describe('scheduling assessments', () => {
  it('schedules the pre-assessment when the enrolment is confirmed, due days after confirmation', () => {
    expect(
      given().when({
        type: 'SchedulePreAssessment',
        nip: NIP,
        enrolmentId: ENROLMENT,
        programmeId: 'kom-2026',
        competencyCode: 'manajemen-pasien',
        confirmedOn: '2026-01-05',
        preDueDays: 7,
      }),
    ).toEqual([preScheduled]);
  });

  it('schedules the post-assessment and the on-the-job follow-up from the completion date', () => {
    expect(given(preScheduled).when(afterTraining)).toEqual([postScheduled, onTheJobScheduled]);
    expect(given().when({ ...afterTraining, followUpMonths: 6 })[1].data).toMatchObject({
      kind: 'on-the-job',
      dueOn: '2026-08-03',
    });
  });

  it('schedules nothing again for a redelivered enrolment event', () => {
    expect(given(postScheduled, onTheJobScheduled).when(afterTraining)).toEqual([]);
    expect(
      given(preScheduled).when({
        type: 'SchedulePreAssessment',
        nip: NIP,
        enrolmentId: ENROLMENT,
        programmeId: 'kom-2026',
        competencyCode: 'manajemen-pasien',
        confirmedOn: '2026-01-09',
        preDueDays: 7,
      }),
    ).toEqual([]);
  });

  it('schedules a periodic assessment by hand for a competency in the dictionary', () => {
    expect(given().when(byHand({}))).toEqual([
      {
        type: 'AssessmentScheduled',
        data: {
          assessmentId: 'a-1',
          nip: NIP,
          kind: 'periodic',
          competencyCode: 'komunikasi',
          enrolmentId: null,
          programmeId: null,
          trainingCompletedOn: null,
          dueOn: '2026-06-30',
          trigger: 'manual',
        },
      },
    ]);
    expect(problemOf(() => given().when(byHand({ competencyKnown: false })))).toMatchObject({
      kind: 'unprocessable',
      extensions: { errors: [{ field: 'competencyCode', message: 'is not in the dictionary' }] },
    });
  });

  it('refuses a second open periodic assessment of the same competency', () => {
    const [first] = given().when(byHand({}));
    expect(problemOf(() => given(first).when(byHand({ assessmentId: 'a-2' }))).kind).toBe('conflict');
  });

  it('refuses a post-assessment by hand with no matching enrolment, naming enrolmentId', () => {
    const p = problemOf(() =>
      given(preScheduled).when(byHand({ kind: 'post', enrolmentId: 'no-such-enrolment', competencyCode: null })),
    );
    expect(p).toMatchObject({ kind: 'unprocessable', slug: 'enrolment-not-found' });
    expect(p.extensions.errors).toEqual([
      // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
      { field: 'enrolmentId', message: expect.stringContaining('no-such-enrolment') as unknown },
    ]);
    expect(problemOf(() => given().when(byHand({ kind: 'post', enrolmentId: null }))).extensions.errors).toEqual([
      expect.objectContaining({ field: 'enrolmentId' }),
    ]);
  });

  it('refuses a post-assessment by hand before the training is completed', () => {
    expect(
      problemOf(() => given(preScheduled).when(byHand({ kind: 'post', enrolmentId: ENROLMENT, competencyCode: null })))
        .kind,
    ).toBe('unprocessable');
  });

  it('schedules a post-assessment again by hand once the first is closed, for the enrolment’s competency only', () => {
    const recorded = {
      type: 'AssessmentRecorded',
      data: {
        ...postScheduled.data,
        assessor: 'x',
        method: 'test',
        score: 50,
        level: 3,
        assessedOn: '2026-02-10',
        late: false,
        learningGain: null,
      },
    } as const;
    const [again] = given(postScheduled, recorded).when(
      byHand({ kind: 'post', enrolmentId: ENROLMENT, competencyCode: null, assessmentId: 'retest' }),
    );
    expect(again.data).toMatchObject({
      kind: 'post',
      competencyCode: 'manajemen-pasien',
      programmeId: 'kom-2026',
      trainingCompletedOn: '2026-02-03',
      trigger: 'manual',
    });
    expect(
      problemOf(() => given(postScheduled).when(byHand({ kind: 'post', enrolmentId: ENROLMENT, competencyCode: null })))
        .kind,
    ).toBe('conflict');
    expect(
      problemOf(() =>
        given(postScheduled, recorded).when(
          byHand({ kind: 'post', enrolmentId: ENROLMENT, competencyCode: 'komunikasi' }),
        ),
      ).extensions.errors,
    ).toEqual([expect.objectContaining({ field: 'competencyCode' })]);
  });

  it('refuses a periodic assessment tied to an enrolment', () => {
    expect(problemOf(() => given().when(byHand({ enrolmentId: ENROLMENT }))).kind).toBe('invalid');
  });
});
