import { competencyForProgramme } from './competency-code';

describe('which competency a programme assesses', () => {
  it('maps a manajerial area to the national competency it names, by name or code', () => {
    expect(competencyForProgramme('manajerial', 'Orientasi pada hasil')).toBe('orientasi-pada-hasil');
    expect(competencyForProgramme('manajerial', 'komunikasi')).toBe('komunikasi');
    expect(competencyForProgramme('sosial-kultural', 'Perekat Bangsa')).toBe('perekat-bangsa');
  });
  it('assesses nothing when a manajerial area names no national competency, or names one of another type', () => {
    expect(competencyForProgramme('manajerial', 'kepemimpinan strategis')).toBeNull();
    expect(competencyForProgramme('sosial-kultural', 'integritas')).toBeNull();
  });
  it('maps a teknis area to the teknis competency coded as its slug', () => {
    expect(competencyForProgramme('teknis', 'Manajemen pasien')).toBe('manajemen-pasien');
    expect(competencyForProgramme('teknis', 'patient-management')).toBe('patient-management');
  });
  it('keeps national codes reserved: a teknis area named like one is prefixed', () => {
    expect(competencyForProgramme('teknis', 'Komunikasi')).toBe('teknis-komunikasi');
  });
  it('assesses nothing for an area without letters or digits', () => {
    expect(competencyForProgramme('teknis', '—')).toBeNull();
  });
});
