import { DateOnly, DateTime, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';

const TargetProgress = Type.Object({
  competencyCode: Type.String({ example: 'komunikasi' }),
  targetLevel: Type.Integer({ example: 3 }),
  assessedLevel: Nullable(Type.Integer({ description: 'The latest assessment’s level; null when never assessed' })),
  assessedOn: Nullable(DateOnly()),
  reached: Type.Boolean({ description: 'assessedLevel ≥ targetLevel' }),
});

const PlanHistory = Type.Object({
  revision: Type.Integer(),
  event: StringEnum(['proposed', 'agreed']),
  on: DateOnly({ description: 'The city date of the proposal or agreement' }),
  actor: Type.String({ description: 'Who did it (the authenticated principal)' }),
  recordedAt: DateTime(),
});

/** A development plan for a year as it stands, with the progress against it (staff record and GET). */
export const DevelopmentPlanSchema = Type.Object(
  {
    year: Type.Integer({ example: 2026 }),
    status: StringEnum(['proposed', 'agreed'], {
      description: 'agreed: the current revision is the agreed one; proposed: it awaits the head’s agreement',
    }),
    revision: Type.Integer({ description: 'The current revision (what an agreement names)' }),
    targets: Type.Array(Type.Object({ competencyCode: Type.String(), targetLevel: Type.Integer() })),
    targetJp: Type.Integer(),
    note: Nullable(Type.String()),
    proposedOn: DateOnly(),
    agreedRevision: Nullable(Type.Integer({ description: 'The last revision agreed to; null when none yet' })),
    agreedOn: Nullable(DateOnly()),
    progress: Type.Object({
      asOf: DateOnly({ description: 'The city date the progress was read' }),
      jpCredited: Type.Integer({
        description: 'JP credited in the year (the JP ledger: trainings completed and external learning verified)',
      }),
      jpRemaining: Type.Integer({ description: 'targetJp − jpCredited, never below 0' }),
      targets: Type.Array(TargetProgress),
    }),
    history: Type.Array(PlanHistory, { description: 'Proposals and agreements, oldest first' }),
  },
  { title: 'DevelopmentPlan' },
);

export const getDevelopmentPlan = defineUseCase({
  name: 'getDevelopmentPlan',
  service: 'enrolment',
  method: 'GET',
  path: '/staff/:nip/development-plans/:year',
  tag: 'planning',
  summary:
    'A staff member’s development plan for a year, with progress: JP credited against the target JP, and each target competency’s latest assessed level against the target level',
  params: { nip: PARAM.nip, year: PARAM.year },
  response: Type.Composite([
    Type.Object({
      nip: Type.String({ example: '198609262015051001' }),
      opd: Type.String({ example: 'DINKES', description: 'The staff member’s OPD now (whose head agrees)' }),
    }),
    DevelopmentPlanSchema,
  ]),
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'opd', nip: 'nip' },
  },
  problems: [400, 404],
});
