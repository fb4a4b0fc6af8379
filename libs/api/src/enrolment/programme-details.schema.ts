import { COMPETENCY_TYPES, PROGRAMME_FORMS } from '@kompeten/contracts';
import { DateOnly, Nullable, StringEnum, Type } from '../use-case/schema';

/** A programme's catalogue details as the read side answers them. */
export const ProgrammeDetailsSchema = Type.Object({
  title: Type.String(),
  competencyType: StringEnum(COMPETENCY_TYPES),
  competencyArea: Type.String(),
  form: StringEnum(PROGRAMME_FORMS),
  universityPartner: Nullable(Type.String()),
  jp: Type.Integer({ description: 'Lesson hours (1 JP = 45 minutes)' }),
  costPerParticipant: Type.Integer({ description: 'Rupiah' }),
  capacity: Type.Integer(),
  fundingOpd: Type.String(),
  sessions: Type.Array(Type.Object({ sessionId: Type.String(), date: DateOnly(), title: Type.String() })),
  completionRule: Nullable(
    Type.Object({ modules: Type.Array(Type.String()), minScore: Type.Optional(Nullable(Type.Integer())) }),
  ),
  fiscalYear: Nullable(Type.Integer({ description: 'The fiscal year charged; null: the year of the first session' })),
  attendanceThreshold: Type.Number({ description: 'Share of the sessions a participant attends to complete' }),
  lateEnrolment: Type.Boolean({ description: 'Whether staff may enrol after the first session’s date' }),
});
