// Object mothers: the enrolment events the assessment service reacts to.
import type { ProgrammeEvent, StaffEvent, WorkUnit } from '@kompeten/contracts';

export const PKM: WorkUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
export const NURSE = 'Perawat Ahli Pertama';

export const staffRegistered = (nip: string, position = NURSE, workUnit = PKM): StaffEvent => ({
  type: 'StaffRegistered',
  data: {
    nip,
    name: null,
    employmentType: 'PNS',
    workUnit,
    position,
    registeredOn: '2026-01-05',
    positionSince: '2026-01-05',
  },
});

export function enrolmentOf(
  nip: string,
  enrolmentId: string,
  programmeId: string,
  competencyArea = 'Manajemen pasien',
) {
  const ids = { enrolmentId, programmeId, nip };
  return {
    enrolled: {
      type: 'StaffEnrolled',
      data: {
        ...ids,
        workUnit: PKM,
        fundingOpd: 'DINKES',
        costPerParticipant: 1500000,
        jp: 24,
        competencyType: 'teknis',
        competencyArea,
        year: 2026,
        attempt: 1,
        enrolledOn: '2026-11-01',
        need: null,
      },
    } satisfies ProgrammeEvent as ProgrammeEvent,
    confirmed: {
      type: 'EnrolmentConfirmed',
      data: { ...ids, commitmentId: `c-${enrolmentId}` },
    } satisfies ProgrammeEvent as ProgrammeEvent,
    withdrawn: {
      type: 'EnrolmentWithdrawn',
      data: { ...ids, reason: 'workload', note: null, wasConfirmed: true },
    } satisfies ProgrammeEvent as ProgrammeEvent,
    completed: (completedOn: string): ProgrammeEvent => ({
      type: 'TrainingCompleted',
      data: {
        ...ids,
        jp: 24,
        year: 2026,
        completedOn,
        competencyType: 'teknis',
        competencyArea,
        workUnit: PKM,
        fundingOpd: 'DINKES',
        costPerParticipant: 1500000,
        attendanceOverride: null,
      },
    }),
    notCompleted: {
      type: 'TrainingNotCompleted',
      data: { ...ids, reason: 'workload', note: null },
    } satisfies ProgrammeEvent as ProgrammeEvent,
  };
}
