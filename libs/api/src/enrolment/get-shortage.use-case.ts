import { UnitForecastSchema } from '../budget/unit-forecast.schema';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { PlanningYearQueryRequest } from './get-needs-analysis.use-case';
import { UnitCostsByForm } from './plan-line.schema';

const Rupiah = (description?: string) => Type.Integer(description ? { description } : {});

/** What the enrolment service knows of the shortage (the gateway adds the budget: getShortage). */
export const ShortageEstimateSchema = Type.Object({
  opd: Type.String({ example: 'DINSOS' }),
  year: Type.Integer({ example: 2026 }),
  asOf: DateOnly({ description: 'The city date the read models were read on' }),
  pns: Type.Integer({
    description: 'Active PNS of the OPD registered by the end of the year (PPPK have no 20-JP right)',
  }),
  belowTarget: Type.Integer({ description: 'Of them, those with fewer than 20 JP credited in the year' }),
  jpShort: Type.Integer({ description: 'Σ (20 − JP credited) over those below target' }),
  unitCosts: UnitCostsByForm('The year’s current cost per JP of each form'),
  atCurrentMix: Type.Object({
    basis: StringEnum(['opd', 'city', 'klasikal'] as const, {
      description:
        'opd: Σ cost / Σ JP of the OPD’s seat-holding enrolments charged to the year; city: the same city-wide (the OPD has none); klasikal: the klasikal unit cost (nobody enrolled yet)',
    }),
    costPerJp: Rupiah(),
    rupiah: Rupiah('jpShort × costPerJp'),
  }),
  cheapestMix: Type.Object({
    rupiah: Rupiah(),
    forms: Type.Array(
      Type.Object({
        form: StringEnum(['e-learning', 'magang', 'klasikal'] as const),
        jp: Type.Integer(),
        share: Type.Number({ description: 'jp / jpShort' }),
        costPerJp: Rupiah(),
        rupiah: Rupiah(),
      }),
      { description: 'e-learning ≤ 60 %, magang ≤ 30 %, klasikal ≥ 10 % of the JP (unverified policy shares)' },
    ),
  }),
  plan: Nullable(
    Type.Object(
      { approvedRevision: Type.Integer(), rupiah: Rupiah('Σ estimatedRupiah of the approved lines') },
      { description: 'The OPD’s approved training plan of the year; null: none approved' },
    ),
  ),
});

/** The enrolment service's part of the shortage report; the gateway composes it (getShortage). */
export const getShortageEstimate = defineUseCase({
  name: 'getShortageEstimate',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/shortage',
  tag: 'planning',
  summary: 'The rupiah needed to bring every PNS of an OPD to 20 JP in the year, at the current and the cheapest mix',
  params: { opd: PARAM.opd },
  query: PlanningYearQueryRequest,
  response: ShortageEstimateSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
  internal: true,
});

const BudgetSide = Type.Union(
  [
    Type.Object({
      budgetLeft: Rupiah('The free rupiah of the OPD’s open budgets of the year (allocated − committed − spent)'),
      rupiahNeeded: Rupiah('atCurrentMix.rupiah'),
      shortBy: Rupiah('max(0, rupiahNeeded − budgetLeft)'),
      cheapestShortBy: Rupiah('max(0, cheapestMix.rupiah − budgetLeft)'),
      forecast: UnitForecastSchema,
    }),
    Type.Object({ unavailable: Type.String({ description: 'Why the budget service could not answer' }) }),
  ],
  { description: 'The budget left against the need, with the run-out forecast; or { unavailable }' },
);

/** The shortage report the gateway composes: the enrolment service's estimate and the budget's forecast. */
export const getShortage = defineUseCase({
  name: 'getShortage',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/shortage',
  tag: 'planning',
  summary:
    'What the 20-JP shortfall of an OPD costs in the year (current mix, cheapest mix, approved plan) against the budget left and its run-out forecast',
  params: { opd: PARAM.opd },
  query: PlanningYearQueryRequest,
  response: Type.Composite([ShortageEstimateSchema, Type.Object({ budget: BudgetSide })]),
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
  composed: true,
});
