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
  sessions: Type.Array(
    Type.Object({
      sessionId: Type.String(),
      date: DateOnly(),
      title: Type.String(),
      startTime: Nullable(Type.String({ example: '08:00', description: 'City time (HH:MM); null: the whole day' })),
      endTime: Nullable(Type.String({ example: '12:00' })),
      venue: Nullable(Type.String({ example: 'Aula BKPSDM' })),
      onlineUrl: Nullable(Type.String({ example: 'https://meet.example.org/kom-efektif' })),
      trainer: Nullable(Type.String({ example: 'dr. Rina Marlina' })),
    }),
  ),
  completionRule: Nullable(
    Type.Object({ modules: Type.Array(Type.String()), minScore: Type.Optional(Nullable(Type.Integer())) }),
  ),
  fiscalYear: Nullable(Type.Integer({ description: 'The fiscal year charged; null: the year of the first session' })),
  attendanceThreshold: Type.Number({ description: 'Share of the sessions a participant attends to complete' }),
  lateEnrolment: Type.Boolean({ description: 'Whether staff may enrol after the first session’s date' }),
  releaseRequired: Type.Boolean({
    description: 'Whether a seat needs the unit head’s release (surat tugas) as well as the budget’s commitment',
  }),
});
