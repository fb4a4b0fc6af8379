import { PROGRAMME_FORMS } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Dictionary, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { PlanningYearQueryRequest } from './get-needs-analysis.use-case';

const Figures = (description: string) =>
  Type.Object(
    {
      people: Type.Integer({ description: 'Distinct people (planned: named people plus unnamed places)' }),
      jp: Type.Integer(),
      rupiah: Type.Integer(),
    },
    { description },
  );

const Row = {
  planned: Figures('From the approved plan lines'),
  enrolled: Figures('Enrolments holding a seat, or that went through the training (completed or not)'),
  completed: Figures('Completed trainings: the JP credited'),
  differences: Type.Object(
    {
      declined: Dictionary(Type.Integer(), { description: 'Releases the unit head declined, by reason' }),
      withdrawn: Dictionary(Type.Integer(), { description: 'Withdrawals by reason (workload, illness, …)' }),
      notCompleted: Dictionary(Type.Integer(), { description: 'Trainings not completed, by reason' }),
      waitlistedForFunds: Type.Integer({ description: 'The budget did not fund them (yet): waiting for funds' }),
      waitlistedForCapacity: Type.Integer({ description: 'Waiting for a seat' }),
      cancelled: Type.Integer({ description: 'Enrolments in programmes that were cancelled' }),
    },
    { description: 'Why actual differs from plan' },
  ),
};

export const PlanVsActualSchema = Type.Object({
  opd: Type.String({ example: 'DINSOS' }),
  year: Type.Integer({ example: 2026 }),
  asOf: DateOnly(),
  approvedRevision: Nullable(Type.Integer({ description: 'The approved plan revision compared; null: none approved' })),
  quarters: Type.Array(
    Type.Object({
      quarter: Nullable(Type.Integer({ minimum: 1, maximum: 4, description: 'null: lines planned for any time' })),
      ...Row,
    }),
    {
      description:
        'Quarters 1–4, then any time. An enrolment counts in the quarter its training takes place (first session, else the enrolment date), or with its line when that line is for any time',
    },
  ),
  lines: Type.Array(
    Type.Object({
      lineId: Type.String(),
      competencyArea: Type.String(),
      quarter: Nullable(Type.Integer({ minimum: 1, maximum: 4 })),
      priority: Type.Integer(),
      form: StringEnum(PROGRAMME_FORMS),
      ...Row,
    }),
    {
      description:
        'Per approved line; an enrolment counts toward the line of its competency area (the one of its quarter, else of any time, else the first)',
    },
  ),
  unplanned: Type.Object(Row, { description: 'Enrolments of a competency area no approved line names' }),
  total: Type.Object(Row),
});

export const getPlanVsActual = defineUseCase({
  name: 'getPlanVsActual',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/plan-vs-actual',
  tag: 'planning',
  summary:
    'An OPD’s approved training plan against actual per quarter and per line: planned, enrolled and completed (people, JP, rupiah), and the reasons for the difference',
  params: { opd: PARAM.opd },
  query: PlanningYearQueryRequest,
  response: PlanVsActualSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
