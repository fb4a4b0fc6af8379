import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type as Transform } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  COMPETENCY_TYPES,
  type CompetencyType,
  EXTERNAL_LEARNING_FORMS,
  type ExternalLearningForm,
} from '@kompeten/contracts';
import { COMPETENCY_AREA } from '../budget/codes';
import { CommandAcceptedSchema, defineUseCase, PARAM, Type } from '../use-case';
import { IsBusinessDate } from './business-date.validator';

/** Learning time at most a year's worth of whole days: anything larger is a typing slip. */
export const MAX_LEARNING_MINUTES = 366 * 24 * 60;

const hasDocument = (e: LearningEvidenceDto) => e.reference !== undefined || e.sha256 !== undefined;

/** A document kept elsewhere (its reference and SHA-256) or an https URL: one of the two. */
export class LearningEvidenceDto {
  @ApiPropertyOptional({ example: 'SIMPEG/DOC/2026/000417', description: 'Where the document is kept (with sha256)' })
  @ValidateIf(hasDocument)
  @IsString({ message: 'reference must name the document (a document needs its reference and its SHA-256)' })
  @Length(1, 200)
  reference?: string;
  @ApiPropertyOptional({
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    description: 'SHA-256 of the document, 64 hex digits',
  })
  @ValidateIf(hasDocument)
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'sha256 must be the document’s SHA-256: 64 hexadecimal digits' })
  sha256?: string;
  @ApiPropertyOptional({ example: 'https://www.coursera.org/account/accomplishments/verify/ABC123' })
  @ValidateIf((e: LearningEvidenceDto) => e.url !== undefined)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true }, { message: 'url must be an https URL' })
  @Length(1, 500)
  url?: string;
}

/** Either the document or the URL: none (or both) is reported on `evidence` itself. */
function IsOneEvidence(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isOneEvidence',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (v: unknown) =>
          typeof v === 'object' && v !== null && hasDocument(v) !== ((v as LearningEvidenceDto).url !== undefined),
        defaultMessage: () =>
          'evidence must be a document (reference and sha256) or an https url: one of the two, not none, not both',
      },
    });
}

/** Minutes or hours, not both (the other one is checked only when given). */
function NotWith(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (_: unknown, args) => (args?.object as Record<string, unknown>)[other] === undefined,
        defaultMessage: () => `give ${String(propertyName)} or ${other}, not both`,
      },
    });
}

export class RecordExternalLearningRequest {
  @ApiProperty({ enum: EXTERNAL_LEARNING_FORMS, description: 'The form of development (Peraturan LAN 10/2018)' })
  @IsIn(EXTERNAL_LEARNING_FORMS)
  form: ExternalLearningForm;
  @ApiProperty({ example: 'Seminar nasional keselamatan pasien' })
  @IsString()
  @Length(3, 200)
  title: string;
  @ApiProperty({ example: 'BPSDM Provinsi Sumatera Barat', description: 'Who ran it (LAN, a BPSDM, a university …)' })
  @IsString()
  @Length(2, 200)
  provider: string;
  @ApiProperty({ example: '2026-03-10', description: 'City date' })
  @IsBusinessDate()
  startDate: string;
  @ApiProperty({ example: '2026-03-11', description: 'City date: not before startDate, not after the city’s today' })
  @IsBusinessDate()
  endDate: string;
  @ApiPropertyOptional({ example: 600, description: 'Learning time in minutes (or give hours)' })
  @ValidateIf((o: RecordExternalLearningRequest) => o.hours === undefined)
  @IsInt({ message: 'minutes must be a whole number of minutes (or give hours instead)' })
  @Min(1)
  @Max(MAX_LEARNING_MINUTES)
  minutes?: number;
  @ApiPropertyOptional({ example: 10, description: 'Learning time in hours, up to 2 decimals (or give minutes)' })
  @ValidateIf((o: RecordExternalLearningRequest) => o.hours !== undefined)
  @NotWith('minutes')
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.02)
  @Max(MAX_LEARNING_MINUTES / 60)
  hours?: number;
  @ApiProperty({ type: LearningEvidenceDto, description: 'A document reference with its SHA-256, or an https URL' })
  @IsDefined({ message: 'evidence is required: a document reference with its SHA-256, or an https URL' })
  @IsOneEvidence()
  @ValidateNested()
  @Transform(() => LearningEvidenceDto)
  evidence: LearningEvidenceDto;
  @ApiPropertyOptional({ example: 'PERSI/2026/117', nullable: true, description: 'The provider’s certificate number' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  providerCertificateNumber?: string | null;
  @ApiPropertyOptional({ enum: COMPETENCY_TYPES, nullable: true })
  @IsOptional()
  @IsIn(COMPETENCY_TYPES)
  competencyType?: CompetencyType | null;
  @ApiPropertyOptional({ example: 'patient-management', nullable: true, description: 'A competency the city knows' })
  @IsOptional()
  @Matches(COMPETENCY_AREA, { message: 'competencyArea must be a lowercase code such as komunikasi' })
  competencyArea?: string | null;
}

export const ExternalLearningAcceptedSchema = Type.Composite(
  [
    CommandAcceptedSchema,
    Type.Object({ learningId: Type.String({ format: 'uuid', description: 'The record: what an officer verifies' }) }),
  ],
  { title: 'ExternalLearningAccepted' },
);

export const recordExternalLearning = defineUseCase({
  name: 'recordExternalLearning',
  service: 'enrolment',
  method: 'POST',
  path: '/staff/:nip/external-learning',
  tag: 'external-learning',
  summary:
    'A staff member (or a training officer for them) records learning outside Kompeten’s catalogue in a form of Peraturan LAN 10/2018 — a course by LAN/BPSDM/another provider, seminar, workshop, bimtek, e-learning elsewhere, coaching, mentoring, self-study, benchmarking (studi banding), magang, secondment, learning community, distance training — with provider, city dates, minutes or hours, and evidence (a document reference with its SHA-256, or an https URL). No JP until an officer verifies it. 400 names the field (`evidence` when neither a document nor a URL is given).',
  params: { nip: PARAM.nip },
  body: RecordExternalLearningRequest,
  response: ExternalLearningAcceptedSchema,
  access: { roles: ['training-officer', 'staff'], selfParam: 'nip' },
  problems: [400, 404, 409],
});
