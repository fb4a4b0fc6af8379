import { DateOnly, DateTime, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { PlanLineSchema, PlanTotalsSchema } from './plan-line.schema';

export const TRAINING_PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
const PLAN_EVENT_TYPES = [
  'TrainingPlanDrafted',
  'TrainingPlanRevised',
  'TrainingPlanSubmitted',
  'TrainingPlanReturned',
  'TrainingPlanApproved',
] as const;

const HistoryEntry = Type.Object({
  revision: Type.Integer({ description: 'The revision the step made or acted on' }),
  type: StringEnum(PLAN_EVENT_TYPES),
  at: DateTime({ description: 'When it happened' }),
  actor: Type.String({ example: 'user:officer-bkpsdm', description: 'Who did it (the event’s metadata)' }),
  changes: Type.Array(
    Type.Object({
      lineId: Type.String(),
      change: StringEnum(['added', 'removed', 'changed'] as const),
      fields: Type.Array(Type.String(), { description: 'For changed: the fields that differ' }),
    }),
    { description: 'The lines the step added, removed or changed (the draft adds all its lines; other steps none)' },
  ),
  note: Nullable(Type.String({ description: 'The revision’s note or the reason the plan was returned' })),
});

export const TrainingPlanSchema = Type.Object({
  planId: Type.String({ example: '2026-DINSOS' }),
  opd: Type.String({ example: 'DINSOS' }),
  year: Type.Integer({ example: 2026 }),
  status: StringEnum(TRAINING_PLAN_STATUSES),
  revision: Type.Integer({ description: 'The current revision: what submitting or approving names' }),
  proposedAsOf: Nullable(DateOnly({ description: 'The needs analysis the draft started from; null: typed in' })),
  lines: Type.Array(PlanLineSchema),
  totals: PlanTotalsSchema,
  approvedRevision: Nullable(Type.Integer({ description: 'The revision in force; null: none approved yet' })),
  approvedOn: Nullable(DateOnly()),
  approvedLines: Nullable(Type.Array(PlanLineSchema, { description: 'The approved revision’s lines (in force)' })),
  approvedTotals: Nullable(PlanTotalsSchema),
  history: Type.Array(HistoryEntry, { description: 'Every step, oldest first' }),
});

export const getTrainingPlan = defineUseCase({
  name: 'getTrainingPlan',
  service: 'enrolment',
  method: 'GET',
  path: '/units/:opd/training-plans/:year',
  tag: 'planning',
  summary:
    'An OPD’s training plan for a year: its status and current revision, the lines and totals, the approved revision in force, and its history (who changed what, when)',
  params: { opd: PARAM.opd, year: PARAM.year },
  response: TrainingPlanSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400, 404],
});
