import { planProgress } from './development-plan.progress';

// The worked example of docs/planning/development-plans.md, "Progress".
describe('progress against a development plan', () => {
  const plan = {
    targets: [
      { competencyCode: 'komunikasi', targetLevel: 3 },
      { competencyCode: 'patient-management', targetLevel: 4 },
      { competencyCode: 'integritas', targetLevel: 2 },
    ],
    targetJp: 24,
  };
  it('given 16 JP credited and two competencies assessed, then 8 JP remain and one target is reached', () => {
    const assessed = [
      { competencyCode: 'komunikasi', level: 3, assessedOn: '2026-04-02' },
      { competencyCode: 'patient-management', level: 2, assessedOn: '2025-11-20' },
    ];
    expect(planProgress(plan, 16, assessed, '2026-05-01')).toEqual({
      asOf: '2026-05-01',
      jpCredited: 16,
      jpRemaining: 8,
      targets: [
        { competencyCode: 'komunikasi', targetLevel: 3, assessedLevel: 3, assessedOn: '2026-04-02', reached: true },
        {
          competencyCode: 'patient-management',
          targetLevel: 4,
          assessedLevel: 2,
          assessedOn: '2025-11-20',
          reached: false,
        },
        { competencyCode: 'integritas', targetLevel: 2, assessedLevel: null, assessedOn: null, reached: false },
      ],
    });
  });
  it('more JP than the target leave none remaining, never a negative', () => {
    expect(planProgress(plan, 30, [], '2026-12-01').jpRemaining).toBe(0);
  });
});
