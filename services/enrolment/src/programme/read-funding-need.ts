import type { DataSource } from 'typeorm';
import type { EmploymentType, FundingNeed, PlanLine, ProgrammeDetails, WorkUnit } from '@kompeten/contracts';
import { JP_CREDITS } from '../queries/jp-credits.sql';
import { fundingNeed } from './funding-need';
import { fiscalYearFor } from './seats.rules';

export interface NeedOf {
  staff: { nip: string; employmentType: EmploymentType; position: string; workUnit: WorkUnit };
  programme: ProgrammeDetails;
  /** The enrolment's own date: with the programme it fixes the fiscal year (seats.rules.ts fiscalYearFor). */
  enrolledOn: string;
  /** The city's today: the day the need is read. */
  asOf: string;
}

/**
 * Reads the need from the enrolment service's read models as they stand today: the funding OPD's
 * approved plan (training_plan), the JP ledger (enrolment_history), the latest assessment
 * (staff_competency_gap) and the service units' IKM (unit_ikm). Read models may lag their events
 * by moments; the need is a snapshot the budget weighs, not a rule that refuses anyone.
 */
export async function readFundingNeed(
  db: DataSource,
  { staff, programme, enrolledOn, asOf }: NeedOf,
): Promise<FundingNeed> {
  const year = fiscalYearFor(programme, enrolledOn);
  const [plans, jp, gaps, ikm] = await Promise.all([
    db.query<{ approved_revision: number; approved_lines: PlanLine[] }[]>(
      `select approved_revision, approved_lines from training_plan
        where opd = $1 and year = $2 and approved_revision is not null`,
      [programme.fundingOpd, year],
    ),
    // As the ledger counts them: JP in the year of completion (jp-ledger.ts), none completed after today.
    db.query<{ jp: number }[]>(
      `select coalesce(sum(jp_credited), 0)::int as jp from ${JP_CREDITS} c
        where nip = $1 and extract(year from completed_on) = $2::int and completed_on <= $3::date`,
      [staff.nip, year, asOf],
    ),
    // A gap counts against the position held now, as the roster's "with a gap" filter reads it.
    db.query<{ level: number; required_level: number }[]>(
      `select level, required_level from staff_competency_gap
        where nip = $1 and competency_code = $2 and gap and position = $3 and required_level is not null`,
      [staff.nip, programme.competencyArea, staff.position],
    ),
    db.query<{ unit_code: string; opd: string; grade: string | null }[]>(
      `select unit_code, opd, grade from unit_ikm where opd = $1 or unit_code = $2`,
      [staff.workUnit.opd, staff.workUnit.serviceUnit ?? null],
    ),
  ]);
  const plan = plans[0];
  const gap = gaps[0];
  return fundingNeed({
    nip: staff.nip,
    employmentType: staff.employmentType,
    competencyArea: programme.competencyArea,
    approvedPlan: plan ? { revision: plan.approved_revision, lines: plan.approved_lines } : null,
    jpCredited: jp[0]?.jp ?? 0,
    gap: gap ? { level: gap.level, requiredLevel: gap.required_level } : null,
    serviceUnitGrade: ikm.find((u) => u.unit_code === staff.workUnit.serviceUnit)?.grade ?? null,
    opdGrades: ikm.filter((u) => u.opd === staff.workUnit.opd).map((u) => u.grade),
    asOf,
  });
}
