import { CommandAcceptedSchema, defineUseCase, PARAM } from '../use-case';

export const requestFundsAgain = defineUseCase({
  name: 'requestFundsAgain',
  service: 'enrolment',
  method: 'POST',
  path: '/programmes/:programmeId/enrolments/:nip/funds-request',
  tag: 'enrolments',
  summary:
    'Ask the budget again for an enrolment waitlisted for funds (StaffEnrolled, attempt + 1), or put it on the seat waitlist when no seat is free. 409 unless waitlisted for funds',
  params: { programmeId: PARAM.programmeId, nip: PARAM.nip },
  response: CommandAcceptedSchema,
  access: { roles: ['training-officer'] },
  problems: [400, 404, 409],
});
