import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent, StaffEvent } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';

/** The enrolment events the feedback service copies: where staff work, and what they completed. */
export const STAFF_TRAINING_EVENTS = ['StaffRegistered', 'StaffTransferred', 'StaffLeft', 'TrainingCompleted'];

/**
 * Keeps fb_staff, fb_staff_assignment and fb_training_completion. Events about staff this service
 * never saw registered (its consumer group started later) are applied as far as they make sense:
 * a transfer opens an assignment in the new unit, a departure of an unknown NIP changes nothing.
 */
export async function applyStaffTraining(stored: StoredEvent, tx: QueryRunner): Promise<void> {
  const e = { type: stored.type, data: stored.data } as StaffEvent | ProgrammeEvent;
  switch (e.type) {
    case 'StaffRegistered': {
      const { nip, employmentType, workUnit, registeredOn } = e.data;
      const inserted = await tx.manager.query<{ nip: string }[]>(
        `insert into fb_staff (nip, employment_type, registered_on) values ($1, $2, $3) on conflict (nip) do nothing returning nip`,
        [nip, employmentType, registeredOn],
      );
      if (inserted.length) await openAssignment(tx, nip, workUnit.opd, workUnit.serviceUnit ?? null, registeredOn);
      return;
    }
    case 'StaffTransferred': {
      const { nip, to, effectiveOn } = e.data;
      await tx.query(`insert into fb_staff (nip) values ($1) on conflict (nip) do nothing`, [nip]);
      await closeAssignment(tx, nip, effectiveOn);
      await openAssignment(tx, nip, to.opd, to.serviceUnit ?? null, effectiveOn);
      return;
    }
    case 'StaffLeft':
      await tx.query(`update fb_staff set status = 'left' where nip = $1`, [e.data.nip]);
      await closeAssignment(tx, e.data.nip, e.data.effectiveOn);
      return;
    case 'TrainingCompleted': {
      const d = e.data;
      await tx.query(
        `insert into fb_training_completion (enrolment_id, programme_id, nip, jp, completed_on, competency_type, competency_area, opd, service_unit, cost_per_participant)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (enrolment_id) do nothing`,
        [
          d.enrolmentId,
          d.programmeId,
          d.nip,
          d.jp,
          d.completedOn,
          d.competencyType,
          d.competencyArea,
          d.workUnit.opd,
          d.workUnit.serviceUnit ?? null,
          d.costPerParticipant,
        ],
      );
      return;
    }
  }
}

const openAssignment = (tx: QueryRunner, nip: string, opd: string, serviceUnit: string | null, from: string) =>
  tx.query('insert into fb_staff_assignment (nip, opd, service_unit, from_date) values ($1, $2, $3, $4)', [
    nip,
    opd,
    serviceUnit,
    from,
  ]);

const closeAssignment = (tx: QueryRunner, nip: string, on: string) =>
  tx.query('update fb_staff_assignment set to_date = $2 where nip = $1 and to_date is null', [nip, on]);
