import { CommandAcceptedSchema, defineUseCase, PARAM, Type } from '../use-case';

export const ExternalLearningDecisionSchema = Type.Composite(
  [
    CommandAcceptedSchema,
    Type.Object({
      learningId: Type.String({ format: 'uuid' }),
      jpCredited: Type.Integer({ description: 'JP credited to the ledger (0 when rejected)' }),
      capApplied: Type.Boolean({ description: 'The form’s yearly cap cut the credit' }),
    }),
  ],
  { title: 'ExternalLearningDecision' },
);

export const verifyExternalLearning = defineUseCase({
  name: 'verifyExternalLearning',
  service: 'enrolment',
  method: 'POST',
  path: '/external-learning/:learningId/verification',
  tag: 'external-learning',
  summary:
    'A training officer verifies recorded external learning: JP = ⌊minutes / 45⌋ are credited to the ledger of the year of its end date, up to what is left of the form’s yearly cap (docs/external-learning.md; capApplied when it cut the credit). Verifying again appends nothing (200); a rejected record is a 409.',
  params: { learningId: PARAM.uuid },
  response: ExternalLearningDecisionSchema,
  alsoOk: 'Already verified (appends nothing)',
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
