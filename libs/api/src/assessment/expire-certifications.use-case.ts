import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { DateOnly, defineUseCase, Type } from '../use-case';

export class ExpireCertificationsRequest {
  @ApiPropertyOptional({
    example: '2029-03-01',
    description:
      'The date to check as of; defaults to today (the city’s date); a date-time is read as the city’s date at that instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

/** A certification the check found past its expiry date (the CertificationExpired event's data). */
const ExpiredCertification = Type.Object({
  certificationId: Type.String(),
  nip: Type.String({ example: '198609262015051001' }),
  competencyCode: Type.String({ example: 'manajemen-pasien' }),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  expiresOn: DateOnly({ description: 'The first day it is no longer valid' }),
  detectedOn: DateOnly({ description: 'The date the check ran as of' }),
});

export const ExpiryCheckSchema = Type.Object({
  asOf: DateOnly({ description: 'The date checked as of' }),
  expired: Type.Array(ExpiredCertification, { description: 'Empty when nothing was due' }),
});

export const expireCertifications = defineUseCase({
  name: 'expireCertifications',
  service: 'assessment',
  method: 'POST',
  path: '/certifications/expiry-check',
  tag: 'competencies and assessments',
  summary: 'Run the certification expiry check now (a worker also runs it periodically)',
  params: {},
  body: ExpireCertificationsRequest,
  response: ExpiryCheckSchema,
  status: 200,
  access: { roles: ['training-officer'] },
  problems: [400],
});
