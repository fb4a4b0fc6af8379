import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CERTIFICATE_REVOCATION_REASONS, type CertificateRevocationReason } from '@kompeten/contracts';
import { CommandAcceptedSchema, defineUseCase } from '../use-case';
import { CERTIFICATE_NUMBER_PARAM } from './get-certificate.use-case';

export class RevokeCertificateRequest {
  @ApiProperty({ enum: CERTIFICATE_REVOCATION_REASONS, example: 'issued-in-error' })
  @IsIn(CERTIFICATE_REVOCATION_REASONS, {
    message: `reason must be one of ${CERTIFICATE_REVOCATION_REASONS.join(', ')}`,
  })
  reason: CertificateRevocationReason;
  @ApiPropertyOptional({
    example: 'Kehadiran tercatat ganda',
    nullable: true,
    description: 'Personal data about the holder: sealed in the log, never shown publicly',
  })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  note?: string | null;
}

export const revokeCertificate = defineUseCase({
  name: 'revokeCertificate',
  service: 'enrolment',
  method: 'POST',
  path: '/certificates/:number/revocation',
  tag: 'certificates',
  summary:
    'A training officer revokes a certificate with a coded reason (and an optional note, sealed); public verification answers revoked from then on. 404 for an unknown number',
  params: { number: CERTIFICATE_NUMBER_PARAM },
  body: RevokeCertificateRequest,
  response: CommandAcceptedSchema,
  alsoOk: 'Already revoked (appends nothing, whatever the reason given)',
  access: { roles: ['training-officer'] },
  problems: [400, 404],
});
