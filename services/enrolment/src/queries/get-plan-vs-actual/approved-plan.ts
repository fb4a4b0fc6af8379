import type { DataSource } from 'typeorm';
import type { PlanLine } from '@kompeten/contracts';

/** The revision of an OPD's training plan in force for a year, and its lines. */
export interface ApprovedPlan {
  revision: number;
  lines: PlanLine[];
}

/**
 * From the training_plan projection (training-plan.projection.ts): only the approved revision counts —
 * a draft or a submitted revision is a proposal, and by-need funding reads the approved lines too.
 */
export async function approvedPlan(
  db: Pick<DataSource, 'query'>,
  opd: string,
  year: number,
): Promise<ApprovedPlan | null> {
  const [row] = await db.query<{ approved_revision: number | null; approved_lines: PlanLine[] | null }[]>(
    `select approved_revision, approved_lines from training_plan where opd = $1 and year = $2`,
    [opd, year],
  );
  return row?.approved_revision != null ? { revision: row.approved_revision, lines: row.approved_lines ?? [] } : null;
}
