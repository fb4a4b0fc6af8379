import { CommandAcceptedSchema, defineUseCase } from '../use-case';
import { submitSurveyResponse, SubmitSurveyResponseRequest } from './submit-survey-response.use-case';

export const submitPublicSurveyResponse = defineUseCase({
  name: 'submitPublicSurveyResponse',
  service: 'feedback',
  method: 'POST',
  path: '/public/survey-responses',
  tag: 'public',
  summary: 'A citizen’s SKM response from a QR form (no account; limited per client address)',
  params: {},
  body: SubmitSurveyResponseRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'Already received (same submissionId)',
  access: { roles: [], public: true },
  problems: [400, 404, 409],
  rateLimit: 'public-survey',
  forwardsTo: submitSurveyResponse,
});
