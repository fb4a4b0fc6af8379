import { expiringPerStaff, type ExpiringRow } from './expiring-certifications';

const row = (over: Partial<ExpiringRow>): ExpiringRow => ({
  nip: '198609262015051001',
  serviceUnit: 'PUSKESMAS-GULAI-BANCAH',
  position: 'Perawat Ahli Pertama',
  certificationId: 'cert-1',
  competencyCode: 'manajemen-pasien',
  level: 4,
  requiredLevel: 4,
  certifiedOn: '2023-11-25',
  expiresOn: '2026-12-25',
  ...over,
});
const names = new Map([['manajemen-pasien', 'Manajemen pasien']]);

describe('expiring certifications per staff member', () => {
  it('counts the days left from today to the expiry date', () => {
    const [staff] = expiringPerStaff([row({})], '2026-11-29', names);
    expect(staff.certifications).toEqual([
      expect.objectContaining({ competencyName: 'Manajemen pasien', expiresOn: '2026-12-25', daysLeft: 26 }),
    ]);
  });

  it('groups each staff member’s certifications, soonest first, and puts whoever runs out first on top', () => {
    const A = '198609262015051001';
    const B = '199001012015052002';
    const staff = expiringPerStaff(
      [
        row({ nip: A, certificationId: 'a-late', competencyCode: 'komunikasi', expiresOn: '2027-02-01' }),
        row({ nip: B, certificationId: 'b', expiresOn: '2026-12-01' }),
        row({ nip: A, certificationId: 'a-soon', expiresOn: '2026-12-10' }),
      ],
      '2026-11-29',
      names,
    );
    expect(staff.map((s) => [s.nip, s.certifications.map((c) => c.certificationId)])).toEqual([
      [B, ['b']],
      [A, ['a-soon', 'a-late']],
    ]);
  });

  it('falls back to the code for a competency the dictionary no longer names', () => {
    const [staff] = expiringPerStaff([row({ competencyCode: 'gone' })], '2026-11-29', names);
    expect(staff.certifications[0].competencyName).toBe('gone');
  });
});
