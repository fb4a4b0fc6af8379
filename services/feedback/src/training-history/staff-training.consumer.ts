import type { QueryRunner } from 'typeorm';
import type { ExternalLearningEvent, ProgrammeEvent, StaffEvent } from '@kompeten/contracts';
import { eventHandler } from '@kompeten/messaging';

/**
 * Keeps fb_staff, fb_staff_assignment, fb_training_completion and fb_external_learning_credit from the
 * enrolment events that say where staff work and what they completed (programmes, verified external learning). Events about staff this service never saw registered
 * (its consumer group started later) are applied as far as they make sense: a transfer opens an
 * assignment in the new unit, a departure of an unknown NIP changes nothing.
 */
export const applyStaffTraining = eventHandler<StaffEvent | ProgrammeEvent | ExternalLearningEvent>({
  StaffRegistered: async ({ data: d }, tx) => {
    const inserted = await tx.manager.query<{ nip: string }[]>(
      `insert into fb_staff (nip, employment_type, registered_on) values ($1, $2, $3) on conflict (nip) do nothing returning nip`,
      [d.nip, d.employmentType, d.registeredOn],
    );
    if (inserted.length)
      await openAssignment(tx, d.nip, d.workUnit.opd, d.workUnit.serviceUnit ?? null, d.registeredOn);
  },
  StaffTransferred: async ({ data: d }, tx) => {
    await tx.query(`insert into fb_staff (nip) values ($1) on conflict (nip) do nothing`, [d.nip]);
    await closeAssignment(tx, d.nip, d.effectiveOn);
    await openAssignment(tx, d.nip, d.to.opd, d.to.serviceUnit ?? null, d.effectiveOn);
  },
  StaffLeft: async ({ data: d }, tx) => {
    await tx.query(`update fb_staff set status = 'left' where nip = $1`, [d.nip]);
    await closeAssignment(tx, d.nip, d.effectiveOn);
  },
  TrainingCompleted: ({ data: d }, tx) =>
    tx.query(
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
    ),
  // Learning outside the catalogue counts once an officer verified it, with the JP it credited (0 above a cap).
  ExternalLearningVerified: ({ data: d }, tx) =>
    tx.query(
      `insert into fb_external_learning_credit (learning_id, nip, form, jp, completed_on, competency_type, competency_area, opd, service_unit)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (learning_id) do nothing`,
      [
        d.learningId,
        d.nip,
        d.form,
        d.jpCredited,
        d.completedOn,
        d.competencyType,
        d.competencyArea,
        d.workUnit.opd,
        d.workUnit.serviceUnit ?? null,
      ],
    ),
});

const openAssignment = (tx: QueryRunner, nip: string, opd: string, serviceUnit: string | null, from: string) =>
  tx.query('insert into fb_staff_assignment (nip, opd, service_unit, from_date) values ($1, $2, $3, $4)', [
    nip,
    opd,
    serviceUnit,
    from,
  ]);

const closeAssignment = (tx: QueryRunner, nip: string, on: string) =>
  tx.query('update fb_staff_assignment set to_date = $2 where nip = $1 and to_date is null', [nip, on]);
