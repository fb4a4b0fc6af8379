import { DateOnly, defineUseCase, Dictionary, Nullable, PARAM, StringEnum, Type } from '../use-case';
import { WorkUnitSchema } from '../shared/work-unit.schema';
import { ProgrammeDetailsSchema } from './programme-details.schema';

/** The states of an enrolment as the read side answers them. */
export const ENROLMENT_STATUSES = [
  'pending-funds',
  'awaiting-release',
  'confirmed',
  'completed',
  'not-completed',
  'withdrawn',
  'declined',
  'cancelled',
  'waitlisted-capacity',
  'waitlisted-funds',
] as const;

const Participant = Type.Object({
  enrolmentId: Type.String(),
  nip: Type.String(),
  workUnit: WorkUnitSchema,
  status: StringEnum(ENROLMENT_STATUSES),
  waitlistReason: Nullable(Type.String()),
  withdrawalReason: Nullable(Type.String()),
  completedOn: Nullable(DateOnly()),
  release: Nullable(
    Type.Object(
      {
        approvedOn: DateOnly(),
        suratTugas: Type.Object({ number: Type.String(), date: DateOnly() }),
        nominated: Type.Boolean({ description: 'The unit head nominated them (rather than approving their request)' }),
      },
      { description: 'The unit head’s release; null until given' },
    ),
  ),
  declineReason: Nullable(Type.String({ description: 'Why the unit head declined (coded)' })),
  attendance: Dictionary(Type.String(), { description: 'attended or missed, by session id' }),
});

export const ProgrammeViewSchema = Type.Composite([
  Type.Object({
    programmeId: Type.String(),
    status: StringEnum(['published', 'cancelled']),
    cancelReason: Nullable(Type.String()),
  }),
  ProgrammeDetailsSchema,
  Type.Object({
    seatsTaken: Type.Integer(),
    seatsFree: Type.Integer(),
    enrolments: Type.Array(Participant),
    waitlist: Type.Array(Participant, { description: 'In the order seats will be offered' }),
  }),
]);

export const getProgramme = defineUseCase({
  name: 'getProgramme',
  service: 'enrolment',
  method: 'GET',
  path: '/programmes/:programmeId',
  tag: 'programmes',
  summary: 'A programme: details, seats, enrolments and waitlist (participants filtered to your scope)',
  params: { programmeId: PARAM.programmeId },
  response: ProgrammeViewSchema,
  access: { roles: ['training-officer', 'unit-head', 'staff'] },
  problems: [404],
});
