import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';
import { ReleaseRequest } from './release.dto';

export const approveRelease = defineUseCase({
  name: 'approveRelease',
  service: 'enrolment',
  method: 'POST',
  path: '/units/:opd/releases',
  tag: 'releases',
  summary:
    'The unit head approves a staff member’s request to train and issues the surat tugas: never into sessions overlapping another release, never leaving a day short of the continuity rule (409 naming the conflict or the short dates). The seat is confirmed once the budget has committed the funds too.',
  params: { opd: PARAM.opd },
  body: ReleaseRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'Already released (approving twice appends nothing)',
  access: { roles: ['unit-head'], unitParam: 'opd' },
  problems: [400, 404, 409],
});
