import { AssessmentView, CertificationView, competencySummary, programmeGains } from './competency-profile';

const view = (over: Partial<AssessmentView>): AssessmentView => ({
  assessmentId: 'a',
  kind: 'post',
  competencyCode: 'manajemen-pasien',
  enrolmentId: 'e1',
  programmeId: 'kom-2026',
  trigger: 'training-completed',
  dueOn: '2026-02-17',
  status: 'recorded',
  assessor: 'x',
  method: 'test',
  score: 70,
  level: 4,
  assessedOn: '2026-02-10',
  late: false,
  learningGain: null,
  cancelReason: null,
  ...over,
});
const pre = view({ assessmentId: 'e1-pre', kind: 'pre', score: 30, level: 2, assessedOn: '2026-01-10' });
const post = view({ assessmentId: 'e1-post' });
const followUp = view({
  assessmentId: 'e1-on-the-job',
  kind: 'on-the-job',
  status: 'scheduled',
  dueOn: '2026-05-03',
  score: null,
  level: null,
  assessedOn: null,
  method: null,
});

describe('the staff competency profile', () => {
  it('gives each programme its learning gain, post minus pre, and the follow-up still due', () => {
    expect(programmeGains([pre, post, followUp])).toEqual([
      {
        enrolmentId: 'e1',
        programmeId: 'kom-2026',
        competencyCode: 'manajemen-pasien',
        learningGain: 2,
        scoreGain: 40,
        // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
        pre: expect.objectContaining({ level: 2 }) as unknown,
        post: expect.objectContaining({ level: 4 }) as unknown,
        onTheJob: expect.objectContaining({ status: 'scheduled', dueOn: '2026-05-03' }) as unknown,
      },
    ]);
  });

  it('has no score gain when pre and post used different methods, and no gain without both', () => {
    expect(programmeGains([pre, view({ assessmentId: 'e1-post', method: 'observation', score: 4 })])[0]).toMatchObject({
      learningGain: 2,
      scoreGain: null,
    });
    expect(programmeGains([post])[0]).toMatchObject({ learningGain: null, pre: null });
  });

  it('shows per competency the required level, the latest level, the gap and the certification', () => {
    const required = [
      {
        nip: 'n',
        opd: 'DINKES',
        serviceUnit: null,
        position: 'Perawat',
        competencyCode: 'manajemen-pasien',
        requiredLevel: 5,
        assessedLevel: 4,
        assessedOn: '2026-02-10',
      },
      {
        nip: 'n',
        opd: 'DINKES',
        serviceUnit: null,
        position: 'Perawat',
        competencyCode: 'komunikasi',
        requiredLevel: 3,
        assessedLevel: null,
        assessedOn: null,
      },
    ];
    const cert: CertificationView = {
      certificationId: 'c',
      competencyCode: 'integritas',
      level: 4,
      requiredLevel: 3,
      certifiedOn: '2026-02-10',
      expiresOn: '2029-02-10',
      status: 'valid',
    };
    const summary = competencySummary(required, [pre, post], [cert], new Map([['komunikasi', 'Komunikasi']]));
    expect(summary).toEqual([
      expect.objectContaining({ code: 'integritas', status: 'not-required', certification: cert }),
      expect.objectContaining({
        code: 'komunikasi',
        name: 'Komunikasi',
        requiredLevel: 3,
        currentLevel: null,
        gap: null,
        status: 'not-assessed',
      }),
      expect.objectContaining({
        code: 'manajemen-pasien',
        requiredLevel: 5,
        currentLevel: 4,
        lastAssessedOn: '2026-02-10',
        gap: 1,
        status: 'gap',
      }),
    ]);
  });
});
