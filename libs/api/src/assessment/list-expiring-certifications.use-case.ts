import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type as ToType } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DateOnly, defineUseCase, Nullable, PARAM, Type } from '../use-case';

/** The look-ahead a unit may ask for: at most two years (a certification is valid for three by default). */
export const EXPIRING_WITHIN_DAYS = { default: 90, min: 1, max: 730 } as const;

export class ExpiringCertificationsRequest {
  @ApiPropertyOptional({
    example: 90,
    default: EXPIRING_WITHIN_DAYS.default,
    minimum: EXPIRING_WITHIN_DAYS.min,
    maximum: EXPIRING_WITHIN_DAYS.max,
    description: 'Certifications expiring from tomorrow up to this many days after today (the city’s date)',
  })
  @IsOptional()
  @ToType(() => Number)
  @IsInt({ message: 'withinDays must be a whole number of days' })
  @Min(EXPIRING_WITHIN_DAYS.min, { message: `withinDays must be at least ${EXPIRING_WITHIN_DAYS.min}` })
  @Max(EXPIRING_WITHIN_DAYS.max, { message: `withinDays must be at most ${EXPIRING_WITHIN_DAYS.max}` })
  withinDays?: number;

  @ApiPropertyOptional({ example: 'PUSKESMAS-GULAI-BANCAH', description: 'Only this service unit of the OPD' })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,63}$/, { message: 'serviceUnit must be a unit code such as PUSKESMAS-GULAI-BANCAH' })
  serviceUnit?: string;
}

/** A valid certification that runs out within the window. */
const ExpiringCertification = Type.Object({
  certificationId: Type.String(),
  competencyCode: Type.String({ example: 'manajemen-pasien' }),
  competencyName: Type.String({ example: 'Manajemen pasien' }),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  requiredLevel: Type.Integer({ description: 'The level it was certified against' }),
  certifiedOn: DateOnly(),
  expiresOn: DateOnly({ description: 'Expired from this date on (the expiry check runs on it)' }),
  daysLeft: Type.Integer({ minimum: 1, description: 'Days from today to expiresOn' }),
});

/** A staff member of the OPD (as the enrolment service last said) with certifications running out. */
const StaffExpiring = Type.Object({
  nip: Type.String({ example: '198609262015051001' }),
  serviceUnit: Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' })),
  position: Type.String({ example: 'Perawat Ahli Pertama' }),
  certifications: Type.Array(ExpiringCertification, { description: 'Soonest expiry first' }),
});

export const ExpiringCertificationsSchema = Type.Object({
  opd: Type.String({ example: 'DINKES' }),
  serviceUnit: Nullable(Type.String({ example: 'PUSKESMAS-GULAI-BANCAH' })),
  asOf: DateOnly({ description: 'Today, the city’s date' }),
  withinDays: Type.Integer(),
  until: DateOnly({ description: 'asOf + withinDays: the last expiry date listed' }),
  certifications: Type.Integer({ description: 'How many certifications are listed' }),
  staff: Type.Array(StaffExpiring, { description: 'Whose certification runs out soonest first' }),
});

export const listExpiringCertifications = defineUseCase({
  name: 'listExpiringCertifications',
  service: 'assessment',
  method: 'GET',
  path: '/units/:opd/certifications/expiring',
  tag: 'competencies and assessments',
  summary:
    'Certifications of a unit’s active staff, valid today, that expire within N days (default 90); renew one with a new post-assessment at the required level',
  params: { opd: PARAM.opd },
  query: ExpiringCertificationsRequest,
  response: ExpiringCertificationsSchema,
  access: { roles: ['training-officer', 'unit-head'], unitParam: 'opd' },
  problems: [400],
});
