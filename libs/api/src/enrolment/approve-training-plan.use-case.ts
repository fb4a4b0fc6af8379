import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { PlanRevisionDto } from './plan-line.dto';

export class ApproveTrainingPlanRequest extends PlanRevisionDto {}

export const approveTrainingPlan = defineUseCase({
  name: 'approveTrainingPlan',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/training-plans/:year/approval',
  tag: 'planning',
  summary:
    'The head of the OPD approves the named, submitted revision: its lines become the plan by-need funding and the plan-against-actual report read. 409 with the current revision when the plan has changed since; a head of another OPD is refused (403).',
  params: { opd: PARAM.opd, year: PARAM.year },
  body: ApproveTrainingPlanRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'That revision is already the approved one (appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
