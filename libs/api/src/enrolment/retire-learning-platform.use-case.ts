import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export const retireLearningPlatform = defineUseCase({
  name: 'retireLearningPlatform',
  service: 'enrolment',
  method: 'POST',
  path: '/learning-platforms/:clientId/retirement',
  tag: 'learning-platforms',
  summary:
    'Retire a learning platform: its statements are refused from now on (401), whatever its tokens say. Final; retiring again appends nothing.',
  params: { clientId: PARAM.id },
  response: CommandAcceptedSchema,
  alsoOk: 'Already retired (appends nothing)',
  access: { roles: [] },
  problems: [400, 404],
});
