import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { PlanRevisionDto } from './plan-line.dto';

export class SubmitTrainingPlanRequest extends PlanRevisionDto {}

export const submitTrainingPlan = defineUseCase({
  name: 'submitTrainingPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/training-plans/:year/submission',
  tag: 'planning',
  summary:
    'The officer submits the named revision to the head of the OPD for approval (409 with the current revision when it has since changed, or when it is already approved).',
  params: { opd: PARAM.opd, year: PARAM.year },
  body: SubmitTrainingPlanRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'That revision is already submitted (appends nothing)',
  access: { roles: ['training-officer'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
