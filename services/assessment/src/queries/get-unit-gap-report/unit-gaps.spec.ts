import type { RequirementRow } from '../required-levels';
import { staffWithGaps, unitGaps } from './unit-gaps';

const row = (
  nip: string,
  competencyCode: string,
  requiredLevel: number,
  assessedLevel: number | null,
): RequirementRow => ({
  nip,
  opd: 'DINKES',
  serviceUnit: 'PUSKESMAS-GULAI-BANCAH',
  position: 'Perawat',
  competencyCode,
  requiredLevel,
  assessedLevel,
  assessedOn: assessedLevel ? '2026-02-10' : null,
});

describe('the unit gap report', () => {
  const rows = [
    row('a', 'komunikasi', 3, 2),
    row('b', 'komunikasi', 3, 4),
    row('c', 'komunikasi', 3, null),
    row('a', 'manajemen-pasien', 4, 1),
    row('b', 'manajemen-pasien', 4, 4),
  ];

  it('aggregates required minus assessed level per competency, largest total gap first', () => {
    expect(unitGaps(rows, new Map([['komunikasi', 'Komunikasi']]))).toEqual([
      {
        code: 'manajemen-pasien',
        name: 'manajemen-pasien',
        staffRequired: 2,
        assessed: 2,
        notAssessed: 0,
        withGap: 1,
        meanRequiredLevel: 4,
        meanAssessedLevel: 2.5,
        meanGap: 1.5,
        totalGap: 3,
      },
      {
        code: 'komunikasi',
        name: 'Komunikasi',
        staffRequired: 3,
        assessed: 2,
        notAssessed: 1,
        withGap: 1,
        meanRequiredLevel: 3,
        meanAssessedLevel: 3,
        meanGap: 0.5,
        totalGap: 1,
      },
    ]);
  });

  it('counts a level above the requirement as no gap, not a negative one', () => {
    expect(unitGaps([row('b', 'komunikasi', 3, 5)], new Map())[0]).toMatchObject({
      meanGap: 0,
      totalGap: 0,
      withGap: 0,
    });
  });

  it('lists the staff who fall short, with their gaps', () => {
    expect(staffWithGaps(rows)).toEqual([
      {
        nip: 'a',
        position: 'Perawat',
        gaps: [
          { competencyCode: 'komunikasi', requiredLevel: 3, assessedLevel: 2, gap: 1 },
          { competencyCode: 'manajemen-pasien', requiredLevel: 4, assessedLevel: 1, gap: 3 },
        ],
      },
    ]);
  });
});
