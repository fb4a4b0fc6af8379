import type { DataSource } from 'typeorm';
import { PROGRAMME_FORMS, type ProgrammeForm } from '@kompeten/contracts';

/**
 * Rupiah per JP per person when the city published no programme of a form in the year. *Unverified*
 * demo defaults (docs/planning/needs-analysis.md): no published tariff was found, so they are data to
 * replace, and the answer says which forms fell back to them (`source: 'default'`).
 */
export const DEFAULT_UNIT_COSTS: Readonly<Record<ProgrammeForm, number>> = {
  klasikal: 250_000,
  'e-learning': 40_000,
  mobile: 40_000,
  blended: 150_000,
  magang: 120_000,
  riset: 200_000,
};

export interface UnitCost {
  costPerJp: number;
  /** `programmes`: from the year's published programmes of the form; `default`: none was published. */
  source: 'programmes' | 'default';
  /** How many programmes the figure comes from (0 for a default). */
  programmes: number;
}
export type UnitCosts = Record<ProgrammeForm, UnitCost>;

/** The year's programmes of one form, summed. */
export interface FormSums {
  form: string;
  programmes: number;
  /** Σ costPerParticipant, rupiah. */
  cost: number;
  /** Σ jp. */
  jp: number;
}

/**
 * The current cost per JP of each form: Σ costPerParticipant / Σ jp over the year's programmes of
 * that form, to the whole rupiah. A ratio of sums, not a mean of ratios: a 40-JP course weighs more
 * than a 2-JP seminar, as its JP do when a plan multiplies them back.
 */
export function unitCostsFrom(sums: readonly FormSums[]): UnitCosts {
  const entries = PROGRAMME_FORMS.map((form): [ProgrammeForm, UnitCost] => {
    const s = sums.find((x) => x.form === form);
    return s && s.jp > 0
      ? [form, { costPerJp: Math.round(s.cost / s.jp), source: 'programmes', programmes: s.programmes }]
      : [form, { costPerJp: DEFAULT_UNIT_COSTS[form], source: 'default', programmes: 0 }];
  });
  return Object.fromEntries(entries) as UnitCosts;
}

/**
 * The unit costs of a fiscal year, from programme_catalogue. A programme's fiscal year is its own
 * `fiscalYear`, else the year of its first session (as an enrolment's is: seats.rules.ts), else —
 * a self-paced programme, whose enrolments each take their own year — the city year it was published
 * in, so e-learning prices count somewhere. Cancelled programmes are left out: their price never ran.
 */
export async function currentUnitCosts(
  db: Pick<DataSource, 'query'>,
  year: number,
  timeZone: string,
): Promise<UnitCosts> {
  const sums = await db.query<FormSums[]>(
    `select form, count(*)::int as programmes,
            sum((details->>'costPerParticipant')::numeric)::float8 as cost, sum((details->>'jp')::numeric)::float8 as jp
       from programme_catalogue
      where status <> 'cancelled' and (details->>'jp')::numeric > 0
        and coalesce((details->>'fiscalYear')::int, extract(year from first_session_date)::int,
                     extract(year from published_at at time zone $2)::int) = $1
      group by form`,
    [year, timeZone],
  );
  return unitCostsFrom(sums);
}
