import { PLAN_LINE_SOURCES, PROGRAMME_FORMS, type PlanLine, type PlanTotals } from '@kompeten/contracts';
import { Nullable, StringEnum, Type } from '../use-case';

// The response shape of a plan line and of plan totals, shared by every answer that shows plan lines
// (the needs analysis' proposal, the training plan, the shortage and plan-against-actual reports), so
// a proposed line reads exactly as the line the officer then drafts from it.

/** One line of a training plan (the contract's PlanLine). */
export const PlanLineSchema = Type.Unsafe<PlanLine>(
  Type.Object(
    {
      lineId: Type.String({ example: 'gap-komunikasi', description: 'Stable within the plan across revisions' }),
      competencyArea: Type.String({
        example: 'komunikasi',
        description:
          'A competency known to the city (national, the agency’s dictionary, or a published programme’s area)',
      }),
      source: StringEnum(PLAN_LINE_SOURCES),
      priority: Type.Integer({ minimum: 1, maximum: 5, description: '1 (most needed) … 5' }),
      quarter: Nullable(
        Type.Integer({ minimum: 1, maximum: 4, description: 'Quarter of the fiscal year; null: any time in the year' }),
      ),
      form: StringEnum(PROGRAMME_FORMS),
      headCount: Type.Integer({ minimum: 0, description: 'Whole people' }),
      people: Type.Array(Type.String(), {
        description: 'The NIPs named (at most headCount; the rest are places still to be filled)',
      }),
      jpPerPerson: Type.Integer({ minimum: 1, example: 8 }),
      costPerJp: Type.Integer({ minimum: 0, example: 250000, description: 'Rupiah per JP per person' }),
      estimatedRupiah: Type.Integer({ minimum: 0, description: 'headCount × jpPerPerson × costPerJp' }),
      rationale: Type.String({ example: 'NRR u7 2.61 at PKM-PLUS-MANDIANGIN, 2026-Q3' }),
    },
    { title: 'PlanLine' },
  ),
);

/** The sums over a set of plan lines. */
export const PlanTotalsSchema = Type.Unsafe<PlanTotals>(
  Type.Object(
    {
      lines: Type.Integer(),
      people: Type.Integer({ description: 'Distinct people named, plus unnamed places' }),
      jp: Type.Integer({ description: 'Σ headCount × jpPerPerson' }),
      rupiah: Type.Integer({ description: 'Σ estimatedRupiah' }),
    },
    { title: 'PlanTotals' },
  ),
);

const UnitCostSchema = Type.Object({
  costPerJp: Type.Integer({ description: 'Rupiah per JP per person' }),
  source: StringEnum(['programmes', 'default'] as const, {
    description:
      'programmes: Σ cost per participant / Σ JP of the year’s published programmes of the form; default: none was published (an unverified demo default)',
  }),
  programmes: Type.Integer({ description: 'Programmes the figure comes from' }),
});

/** The year's cost per JP of every form (services/enrolment/src/planning/unit-costs.ts): what the needs analysis and the shortage report price with. */
export const UnitCostsByForm = (description: string) =>
  Type.Object(Object.fromEntries(PROGRAMME_FORMS.map((f) => [f, UnitCostSchema])), { description });
