import { COMPETENCY_TYPES, EXTERNAL_LEARNING_FORMS, EXTERNAL_LEARNING_REJECTION_REASONS } from '@kompeten/contracts';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type } from '../use-case';

/** One record of external learning as the staff record and the list show it. */
export const ExternalLearningSchema = Type.Object(
  {
    learningId: Type.String({ format: 'uuid' }),
    form: StringEnum(EXTERNAL_LEARNING_FORMS),
    group: StringEnum(['klasikal', 'nonklasikal'], { description: 'The form’s group in Peraturan LAN 10/2018' }),
    title: Type.String(),
    provider: Type.String(),
    startDate: DateOnly(),
    endDate: DateOnly(),
    minutes: Type.Integer(),
    competencyType: Nullable(StringEnum(COMPETENCY_TYPES)),
    competencyArea: Nullable(Type.String()),
    evidence: Type.Union([
      Type.Object({
        kind: StringEnum(['document']),
        reference: Type.String(),
        sha256: Type.String({ description: 'Lowercase hex' }),
      }),
      Type.Object({ kind: StringEnum(['url']), url: Type.String() }),
    ]),
    providerCertificateNumber: Nullable(Type.String()),
    status: StringEnum(['recorded', 'verified', 'rejected'], {
      description: 'recorded: awaiting an officer; verified: JP credited; rejected: no JP',
    }),
    year: Type.Integer({ description: 'The ledger year (of the end date)' }),
    jpEarned: Type.Integer({ description: '⌊minutes / 45⌋ once verified; 0 before' }),
    jpCredited: Type.Integer({ description: 'JP credited to the ledger: jpEarned, or less under the form’s cap' }),
    capApplied: Type.Boolean(),
    recordedOn: DateOnly(),
    verifiedOn: Nullable(DateOnly()),
    rejectedOn: Nullable(DateOnly()),
    rejectionReason: Nullable(StringEnum(EXTERNAL_LEARNING_REJECTION_REASONS)),
  },
  { title: 'ExternalLearning' },
);

export const listExternalLearning = defineUseCase({
  name: 'listExternalLearning',
  service: 'enrolment',
  method: 'GET',
  path: '/staff/:nip/external-learning',
  tag: 'external-learning',
  summary:
    'A staff member’s external learning, newest first: what was recorded, and whether an officer verified it (JP credited) or rejected it (coded reason)',
  params: { nip: PARAM.nip },
  response: Type.Object({
    nip: Type.String({ example: '198609262015051001' }),
    opd: Type.String({ example: 'DINKES', description: 'The staff member’s OPD now (whose head may read this)' }),
    items: Type.Array(ExternalLearningSchema),
  }),
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'opd', nip: 'nip' },
  },
  problems: [400, 404],
});
