import { defineUseCase, PARAM, Type } from '../use-case';
import { StaffRecordSchema } from './get-staff-record.use-case';

/** The staff profile the gateway composes: the enrolment record and the assessment service's competency profile. */
export const getStaffProfile = defineUseCase({
  name: 'getStaffProfile',
  service: 'enrolment',
  method: 'GET',
  path: '/staff/:nip',
  tag: 'staff',
  summary:
    'A staff member: unit, unit history, training history, JP ledger and competency profile (unit-heads: their unit; staff: themselves)',
  params: { nip: PARAM.nip },
  response: Type.Composite([
    StaffRecordSchema,
    Type.Object({
      competencies: Type.Unknown({
        description: 'The competency profile (assessment service), or { unavailable } when it cannot answer',
      }),
    }),
  ]),
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'workUnit.opd', nip: 'nip' },
  },
  problems: [400, 404],
  composed: true,
});
