import { COMPETENCY_TYPES, EMPLOYMENT_TYPES, NON_COMPLETION_REASONS, WITHDRAWAL_REASONS } from '@kompeten/contracts';
import { WorkUnitSchema } from '../shared/work-unit.schema';
import { DateOnly, DateTime, defineUseCase, Dictionary, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { DevelopmentPlanSchema } from './get-development-plan.use-case';
import { ENROLMENT_STATUSES } from './get-programme.use-case';
import { ExternalLearningSchema } from './list-external-learning.use-case';

const LedgerYear = Type.Object({
  year: Type.Integer({ description: 'PNS: the calendar year; PPPK: the year the contract year begins' }),
  from: DateOnly({ description: 'First day of the year: 1 January (PNS), the contract anniversary (PPPK)' }),
  to: DateOnly({ description: 'Last day of the year (the year runs on to it even when it is still under way)' }),
  jpCompleted: Type.Integer({
    description: 'JP credited in the year: trainings completed and external learning verified (0 when none)',
  }),
  target: Nullable(Type.Integer({ description: 'PNS: the 20 JP a year they have a right to; null for PPPK' })),
  cap: Nullable(Type.Integer({ description: 'PPPK: at most 24 JP per contract year; null for PNS' })),
  belowTarget: Type.Boolean({ description: 'PNS below their 20 JP in the year (a year with 0 JP included)' }),
  overCap: Type.Boolean(),
});

const Training = Type.Object({
  enrolmentId: Type.String(),
  programmeId: Type.String(),
  title: Nullable(Type.String({ description: 'null when the programme is not in the catalogue (yet)' })),
  competencyType: Nullable(StringEnum(COMPETENCY_TYPES, { description: 'null while waitlisted' })),
  competencyArea: Nullable(Type.String()),
  status: StringEnum(ENROLMENT_STATUSES),
  year: Type.Integer(),
  jp: Type.Integer({ description: 'The programme’s JP (0 while waitlisted)' }),
  jpCredited: Type.Integer({ description: 'JP credited to the ledger (on completion)' }),
  completedOn: Nullable(DateOnly()),
  withdrawalReason: Nullable(StringEnum(WITHDRAWAL_REASONS)),
  nonCompletionReason: Nullable(
    StringEnum(NON_COMPLETION_REASONS, { description: 'Why it ended without completion (coded); null otherwise' }),
  ),
  attendance: Dictionary(StringEnum(['attended', 'missed']), { description: 'attended or missed, by session id' }),
});

const UnitMove = Type.Object({
  nip: Type.String(),
  from: WorkUnitSchema,
  to: WorkUnitSchema,
  position: Type.String({ description: 'The position after the transfer' }),
  effectiveOn: Type.String({ example: '2026-07-01', description: 'As recorded (ISO 8601, normally a date)' }),
  recordedAt: DateTime(),
});

/** A staff member as the enrolment service knows them (the gateway adds the competency profile). */
export const StaffRecordSchema = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  name: Nullable(Type.String({ description: 'Personal data; null once erased' })),
  nameErased: Type.Boolean(),
  employmentType: StringEnum(EMPLOYMENT_TYPES),
  workUnit: WorkUnitSchema,
  position: Type.String(),
  status: StringEnum(['active', 'left']),
  registeredOn: DateOnly({ description: 'When they began serving the city (PPPK: the contract’s start)' }),
  positionSince: DateOnly({ description: 'When they took up the current position' }),
  leftOn: Nullable(DateOnly({ description: 'When they left; null while serving' })),
  unitHistory: Type.Array(UnitMove, { description: 'Transfers, oldest first' }),
  training: Type.Array(Training, { description: 'Every enrolment, in the order enrolled' }),
  externalLearning: Type.Array(ExternalLearningSchema, {
    description: 'Learning outside the catalogue, newest first; verified records count in the JP ledger',
  }),
  jpLedger: Type.Array(LedgerYear, {
    description:
      'Every year from the registration year to the city’s current year (or the year they left), 0 JP included, oldest first; PPPK: contract years from the registration anniversary',
  }),
  developmentPlan: Nullable(
    Type.Composite([DevelopmentPlanSchema], {
      description: 'The individual development plan for the city’s current year, with progress; null when none',
    }),
  ),
});

/** The enrolment service's part of the staff profile; the gateway composes it (getStaffProfile). */
export const getStaffRecord = defineUseCase({
  name: 'getStaffRecord',
  service: 'enrolment',
  method: 'GET',
  path: '/staff/:nip',
  tag: 'staff',
  summary: 'A staff member’s enrolment record: unit, unit history, training history and JP ledger',
  params: { nip: PARAM.nip },
  response: StaffRecordSchema,
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'workUnit.opd', nip: 'nip' },
  },
  problems: [400, 404],
  internal: true,
});
