import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export const closeSurveyPeriod = defineUseCase({
  name: 'closeSurveyPeriod',
  service: 'feedback',
  method: 'POST',
  path: '/service-units/:unitCode/periods/:period/closure',
  tag: 'service units',
  summary: 'Close a survey period and publish its IKM (later responses for it are refused)',
  params: { unitCode: PARAM.unitCode, period: PARAM.period },
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
