import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { ReleaseRequest } from './release.dto';

export const nominateStaff = defineUseCase({
  name: 'nominateStaff',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/nominations',
  tag: 'releases',
  summary:
    'The unit head nominates a staff member of their unit for a programme and releases them (surat tugas) in one step: the enrolment is made (or the staff member’s own request taken up) and released, under the same overlap and continuity rules as an approval.',
  params: { opd: PARAM.opd },
  body: ReleaseRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'Already nominated and released (appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
