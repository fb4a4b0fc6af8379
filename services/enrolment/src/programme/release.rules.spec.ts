import type { ProgrammeEvent } from '@kompeten/contracts';
import { BEFORE, fundsCommitted, given, PKM, problemOf, whenEnrolled, withdraw } from '../../test/programme.mother';

// A seat needs both the budget's money and the unit head's release (surat tugas) when the programme asks for it.
const RELEASE = { releaseRequired: true };
const suratTugas = { number: '800/17/PKM-GB/2026', date: '2026-01-20' };
const approve = (nip: string, enrolmentId = `e-${nip}`) =>
  ({ type: 'ApproveEnrolment', nip, enrolmentId, suratTugas, approvedOn: '2026-01-20', nominated: false }) as const;
const decline = (nip: string, reason: 'workload-no-cover' | 'other' = 'workload-no-cover') =>
  ({ type: 'DeclineEnrolment', nip, reason, note: null, today: '2026-01-20' }) as const;
const approved = (nip: string): ProgrammeEvent => ({
  type: 'EnrolmentApproved',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, suratTugas, approvedOn: '2026-01-20', nominated: false },
});
const funded = (nip: string): ProgrammeEvent => ({
  type: 'EnrolmentFunded',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, commitmentId: `c-${nip}` },
});
const confirmed = (nip: string): ProgrammeEvent => ({
  type: 'EnrolmentConfirmed',
  data: { enrolmentId: `e-${nip}`, programmeId: 'p1', nip, commitmentId: `c-${nip}` },
});

describe('release by the unit head', () => {
  it('when the funds come first, the enrolment waits for the release; the release then confirms it', () => {
    const enrolled = whenEnrolled(['a'], RELEASE);
    expect(given(...enrolled).when(fundsCommitted('a'))).toEqual([funded('a')]);
    expect(given(...enrolled, funded('a')).when(approve('a'))).toEqual([approved('a'), confirmed('a')]);
  });

  it('when the release comes first, the funds confirm the seat', () => {
    const enrolled = whenEnrolled(['a'], RELEASE);
    expect(given(...enrolled).when(approve('a'))).toEqual([approved('a')]);
    expect(given(...enrolled, approved('a')).when(fundsCommitted('a'))).toEqual([confirmed('a')]);
  });

  it('a programme that asks for no release is confirmed by the funds alone', () => {
    expect(given(...whenEnrolled(['a'])).when(fundsCommitted('a'))).toEqual([confirmed('a')]);
  });

  it('a release delivered twice, or about an enrolment that has ended or was replaced, changes nothing', () => {
    const enrolled = whenEnrolled(['a'], RELEASE);
    expect(given(...enrolled, approved('a')).when(approve('a'))).toEqual([]);
    expect(given(...enrolled).when(approve('a', 'e-older'))).toEqual([]);
    const withdrawn = given(...enrolled).when(withdraw('a'));
    expect(given(...enrolled, ...withdrawn).when(approve('a'))).toEqual([]);
  });

  describe('a decline', () => {
    it('records the coded reason and the dates, and gives the seat to the next in line', () => {
      const enrolled = whenEnrolled(['a', 'b', 'c'], { ...RELEASE, capacity: 2 });
      const decided = given(...enrolled).when(decline('a'));
      expect(decided[0]).toEqual({
        type: 'EnrolmentDeclined',
        data: {
          enrolmentId: 'e-a',
          programmeId: 'p1',
          nip: 'a',
          workUnit: PKM,
          reason: 'workload-no-cover',
          note: null,
          declinedOn: '2026-01-20',
          requestedOn: BEFORE,
        },
      });
      expect(decided[1]).toMatchObject({ type: 'StaffEnrolled', data: { nip: 'c' } });
    });
    it('declining twice changes nothing', () => {
      const enrolled = whenEnrolled(['a'], RELEASE);
      const declined = given(...enrolled).when(decline('a'));
      expect(given(...enrolled, ...declined).when(decline('a'))).toEqual([]);
    });
    it('is refused once the release was given (the staff member withdraws instead)', () => {
      expect(problemOf(() => given(...whenEnrolled(['a'], RELEASE), approved('a')).when(decline('a'))).slug).toBe(
        'already-released',
      );
    });
    it('is refused for a seat already confirmed without a release, and for someone not enrolled', () => {
      const confirmedWithout = [...whenEnrolled(['a']), confirmed('a')];
      expect(problemOf(() => given(...confirmedWithout).when(decline('a'))).slug).toBe('enrolment-state');
      expect(problemOf(() => given(...whenEnrolled([], RELEASE)).when(decline('a'))).kind).toBe('not-found');
    });
    it('a declined staff member may ask again', () => {
      const enrolled = whenEnrolled(['a'], RELEASE);
      const declined = given(...enrolled).when(decline('a'));
      expect(given(...enrolled, ...declined).when({ ...whenEnrolledCommand('a'), enrolmentId: 'e-a2' })[0].type).toBe(
        'StaffEnrolled',
      );
    });
  });
});

const whenEnrolledCommand = (nip: string) =>
  ({
    type: 'EnrolStaff',
    enrolmentId: `e-${nip}`,
    nip,
    workUnit: PKM,
    staffActive: true,
    today: BEFORE,
    enrolledOn: BEFORE,
    need: null,
  }) as const;
