import type { AssessmentRecordEvent } from '@kompeten/contracts';
import { DEFAULT_SCORE_LEVELS } from './score-levels';
import {
  ENROLMENT,
  given,
  NIP,
  onTheJobScheduled,
  postScheduled,
  preScheduled,
  problemOf,
  recordCommand,
} from '../../test/assessment-record.mother';

const preRecorded: AssessmentRecordEvent = {
  type: 'AssessmentRecorded',
  data: {
    ...preScheduled.data,
    assessor: 'assessor:1',
    method: 'test',
    score: 30,
    level: 2,
    assessedOn: '2026-01-10',
    late: false,
    learningGain: null,
  },
};
const types = (events: AssessmentRecordEvent[]) => events.map((e) => e.type);

describe('recording an assessment result', () => {
  it('records assessor, method, score and the resulting level, with the learning gain over the pre-assessment', () => {
    const [recorded] = given(preScheduled, preRecorded, postScheduled).when(recordCommand({ score: 85 }));
    expect(recorded).toEqual({
      type: 'AssessmentRecorded',
      data: {
        assessmentId: `${ENROLMENT}-post`,
        nip: NIP,
        kind: 'post',
        competencyCode: 'manajemen-pasien',
        enrolmentId: ENROLMENT,
        programmeId: 'kom-2026',
        assessor: 'assessor:198001012005011001',
        method: 'test',
        score: 85,
        level: 4,
        assessedOn: '2026-02-10',
        dueOn: '2026-02-17',
        late: false,
        learningGain: 2,
      },
    });
  });

  it('has no learning gain without a recorded pre-assessment', () => {
    expect(given(postScheduled).when(recordCommand())[0].data).toMatchObject({ learningGain: null });
  });

  it('marks a result recorded after its due date as late', () => {
    expect(
      given(postScheduled).when(recordCommand({ assessedOn: '2026-03-01', today: '2026-03-02' }))[0].data,
    ).toMatchObject({ late: true });
  });

  it('refuses a score outside the method’s range, naming the score', () => {
    const p = problemOf(() => given(postScheduled).when(recordCommand({ method: 'observation', score: 7 })));
    expect(p).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'score', message: 'a observation score is between 1 and 5' }] },
    });
  });

  it('refuses a date in the future, or a post-assessment before the training was completed', () => {
    expect(
      problemOf(() => given(postScheduled).when(recordCommand({ assessedOn: '2026-02-11' }))).extensions.errors,
    ).toEqual([expect.objectContaining({ field: 'assessedOn' })]);
    expect(problemOf(() => given(postScheduled).when(recordCommand({ assessedOn: '2026-02-01' }))).message).toMatch(
      /completed on 2026-02-03/,
    );
  });

  it('answers an unknown assessment with 404', () => {
    expect(problemOf(() => given().when(recordCommand())).kind).toBe('not-found');
  });

  it('takes the same result sent again as done, and refuses a different one with 409', () => {
    const events = given(postScheduled).when(recordCommand());
    expect(given(postScheduled, ...events).when(recordCommand())).toEqual([]);
    expect(problemOf(() => given(postScheduled, ...events).when(recordCommand({ score: 90 })))).toMatchObject({
      kind: 'conflict',
      extensions: { currentState: 'recorded' },
    });
  });

  it('refuses to record a cancelled assessment', () => {
    const cancelled: AssessmentRecordEvent = {
      type: 'AssessmentCancelled',
      data: { assessmentId: `${ENROLMENT}-post`, nip: NIP, enrolmentId: ENROLMENT, reason: 'programme-cancelled' },
    };
    expect(problemOf(() => given(postScheduled, cancelled).when(recordCommand())).kind).toBe('conflict');
  });
});

describe('certification and gaps', () => {
  it('certifies a competency when the post-assessment reaches the required level, until the validity ends', () => {
    const [, certified] = given(postScheduled).when(recordCommand({ score: 80 }));
    expect(certified).toEqual({
      type: 'CompetencyCertified',
      data: {
        certificationId: `cert-${ENROLMENT}-post`,
        nip: NIP,
        competencyCode: 'manajemen-pasien',
        level: 4,
        requiredLevel: 4,
        assessmentId: `${ENROLMENT}-post`,
        enrolmentId: ENROLMENT,
        programmeId: 'kom-2026',
        certifiedOn: '2026-02-10',
        expiresOn: '2029-02-10',
      },
    });
  });

  it('does not certify below the required level, and identifies the gap the position sets', () => {
    const events = given(postScheduled).when(recordCommand({ score: 72 }));
    expect(types(events)).toEqual(['AssessmentRecorded', 'CompetencyGapIdentified']);
    expect(events[1].data).toEqual({
      nip: NIP,
      competencyCode: 'manajemen-pasien',
      position: 'Perawat',
      requiredLevel: 4,
      assessedLevel: 3,
      gap: 1,
      assessmentId: `${ENROLMENT}-post`,
    });
  });

  it('judges against the default level when the position sets none, without calling it a gap', () => {
    const required = { level: 3, source: 'default', position: 'Perawat' } as const;
    expect(types(given(postScheduled).when(recordCommand({ score: 70, required })))).toEqual([
      'AssessmentRecorded',
      'CompetencyCertified',
    ]);
    expect(types(given(postScheduled).when(recordCommand({ score: 69, required })))).toEqual(['AssessmentRecorded']);
  });

  it('does not certify a competency on a 40/100 post-test (the default mapping and requirement)', () => {
    const required = { level: 3, source: 'default', position: 'Perawat' } as const;
    const events = given(postScheduled).when(recordCommand({ method: 'test', score: 40, required }));
    expect(types(events)).toEqual(['AssessmentRecorded']);
    expect(events[0].data).toMatchObject({ score: 40, level: 1 });
  });

  it('maps the score by the mapping the command carries (the city’s setting)', () => {
    const scoreLevels = { ...DEFAULT_SCORE_LEVELS, test: { minimumFor: [30, 40, 50, 60], source: 'city' } } as const;
    const required = { level: 3, source: 'default', position: 'Perawat' } as const;
    const events = given(postScheduled).when(recordCommand({ score: 40, required, scoreLevels }));
    expect(types(events)).toEqual(['AssessmentRecorded', 'CompetencyCertified']);
    expect(events[0].data).toMatchObject({ level: 3 });
  });

  it('renews a certification the staff member holds on a periodic assessment at the required level, and certifies nobody else', () => {
    const periodic: AssessmentRecordEvent = {
      type: 'AssessmentScheduled',
      data: {
        assessmentId: 'periodic-2029',
        nip: NIP,
        kind: 'periodic',
        competencyCode: 'manajemen-pasien',
        enrolmentId: null,
        programmeId: null,
        trainingCompletedOn: null,
        dueOn: '2029-01-31',
        trigger: 'manual',
      },
    };
    const renewal = recordCommand({ assessmentId: 'periodic-2029', assessedOn: '2029-01-20', today: '2029-01-20' });
    const [recorded, certified] = given(postScheduled).when(recordCommand({ score: 80 }));
    const events = given(postScheduled, recorded, certified, periodic).when(renewal);
    expect(certified.type).toBe('CompetencyCertified');
    expect(types(events)).toEqual(['AssessmentRecorded', 'CompetencyCertified']);
    expect(events[1].data).toMatchObject({
      certificationId: 'cert-periodic-2029',
      enrolmentId: null,
      expiresOn: '2032-01-20',
    });
    // Below the required level it renews nothing; without a certification held it certifies nothing.
    expect(types(given(postScheduled, recorded, certified, periodic).when({ ...renewal, score: 10 }))).not.toContain(
      'CompetencyCertified',
    );
    expect(types(given(periodic).when(renewal))).toEqual(['AssessmentRecorded']);
  });

  it('certifies only on a post-assessment; an on-the-job result below the requirement is a gap', () => {
    const onTheJob = recordCommand({
      assessmentId: `${ENROLMENT}-on-the-job`,
      assessedOn: '2026-05-04',
      today: '2026-05-04',
    });
    expect(types(given(onTheJobScheduled).when(onTheJob))).toEqual(['AssessmentRecorded']);
    expect(types(given(onTheJobScheduled).when({ ...onTheJob, score: 10 }))).toEqual([
      'AssessmentRecorded',
      'CompetencyGapIdentified',
    ]);
  });
});
