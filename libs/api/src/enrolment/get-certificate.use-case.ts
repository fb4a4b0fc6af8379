import { CERTIFICATE_KINDS, CERTIFICATE_REVOCATION_REASONS } from '@kompeten/contracts';
import { WorkUnitSchema } from '../shared/work-unit.schema';
import { DateOnly, defineUseCase, Nullable, PARAM, StringEnum, Type, type ParamRule } from '../use-case';

/**
 * A certificate number in a path. Deliberately not checked by its shape: a malformed number answers
 * the same 404 as an unknown one, so that a caller learns nothing about what numbers look like.
 */
export const CERTIFICATE_NUMBER_PARAM: ParamRule = {
  check: () => undefined,
  description: 'A certificate number as printed (KPT-<year>-XXXX-XXXX)',
  example: 'KPT-2026-7K3M-Q9XD',
};

export const CERTIFICATE_VALIDITY = ['valid', 'expired', 'revoked'] as const;

const certificateFields = {
  number: Type.String({ example: 'KPT-2026-7K3M-Q9XD' }),
  kind: StringEnum(CERTIFICATE_KINDS, {
    description: 'training: a completed Kompeten programme; competency: a competency certification',
  }),
  status: StringEnum(CERTIFICATE_VALIDITY, {
    description:
      'On the city’s today: revoked once revoked; a competency certificate is expired from its expiresOn; a training certificate never expires',
  }),
  title: Type.String({ description: 'The programme’s title; for a competency, its name and level' }),
  provider: Type.String({ example: 'BKPSDM Kota Bukittinggi' }),
  completedOn: DateOnly({ description: 'The completion (or certification) date' }),
  jp: Type.Integer({ description: 'JP credited by the completion; 0 for a competency certificate' }),
  expiresOn: Nullable(DateOnly({ description: 'The first day it is no longer valid; null: never expires' })),
  revokedOn: Nullable(DateOnly()),
  revocationReason: Nullable(StringEnum(CERTIFICATE_REVOCATION_REASONS)),
  asOf: DateOnly({ description: 'The city date the status was read on' }),
};

/** A certificate as its holder and officers read it (no name: the PDF prints it). */
export const CertificateSchema = Type.Object(
  {
    ...certificateFields,
    sourceId: Type.String({ description: 'The enrolmentId (training) or certificationId (competency) it attests' }),
    nip: Type.String({ example: '198609262015051001', description: 'The holder' }),
    opd: Type.String({ example: 'DINKES', description: 'The holder’s OPD now (whose head may read it)' }),
    workUnit: Type.Composite([WorkUnitSchema], { description: 'The holder’s unit when it was issued' }),
    programmeId: Nullable(Type.String()),
    competencyCode: Nullable(Type.String()),
    level: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    issuedOn: DateOnly(),
    showHolderName: Type.Boolean({ description: 'Whether public verification shows the holder’s name (their choice)' }),
    verificationUrl: Type.String({
      example: 'https://kompeten.bukittinggikota.go.id/api/v1/public/certificates/KPT-2026-7K3M-Q9XD',
      description: 'The public verification URL (the QR code on the PDF)',
    }),
  },
  { title: 'Certificate' },
);

/** What anyone with the number may learn: no personal data beyond the name the holder chose to show. */
export const PublicCertificateSchema = Type.Object(
  {
    ...certificateFields,
    holderName: Nullable(
      Type.String({ description: 'Only when the holder chose to show it (and it is not erased); otherwise null' }),
    ),
  },
  { title: 'PublicCertificate' },
);

export const getCertificate = defineUseCase({
  name: 'getCertificate',
  service: 'enrolment',
  method: 'GET',
  path: '/certificates/:number',
  tag: 'certificates',
  summary:
    'A certificate by its number: what it attests, its holder (NIP, unit) and its status today. 404 for an unknown number',
  params: { number: CERTIFICATE_NUMBER_PARAM },
  response: CertificateSchema,
  access: { roles: ['training-officer', 'unit-head', 'staff'], owner: { opd: 'opd', nip: 'nip' } },
  problems: [404],
});

/** The shape of a staff member's certificates (GET /staff/:nip/certificates). */
export const StaffCertificatesSchema = Type.Object(
  {
    nip: Type.String({ example: '198609262015051001' }),
    opd: Type.String({ example: 'DINKES', description: 'The staff member’s OPD now' }),
    asOf: DateOnly(),
    certificates: Type.Array(
      Type.Object({
        number: Type.String(),
        kind: StringEnum(CERTIFICATE_KINDS),
        status: StringEnum(CERTIFICATE_VALIDITY),
        title: Type.String(),
        provider: Type.String(),
        programmeId: Nullable(Type.String()),
        competencyCode: Nullable(Type.String()),
        level: Nullable(Type.Integer()),
        completedOn: DateOnly(),
        jp: Type.Integer(),
        issuedOn: DateOnly(),
        expiresOn: Nullable(DateOnly()),
        revokedOn: Nullable(DateOnly()),
        revocationReason: Nullable(StringEnum(CERTIFICATE_REVOCATION_REASONS)),
      }),
      { description: 'Newest completion first' },
    ),
  },
  { title: 'StaffCertificates' },
);

export const listStaffCertificates = defineUseCase({
  name: 'listStaffCertificates',
  service: 'enrolment',
  method: 'GET',
  path: '/staff/:nip/certificates',
  tag: 'certificates',
  summary: 'A staff member’s certificates (completed programmes and competency certifications) with their status today',
  params: { nip: PARAM.nip },
  response: StaffCertificatesSchema,
  access: {
    roles: ['training-officer', 'unit-head', 'staff'],
    selfParam: 'nip',
    owner: { opd: 'opd', nip: 'nip' },
  },
  problems: [400, 404],
});
