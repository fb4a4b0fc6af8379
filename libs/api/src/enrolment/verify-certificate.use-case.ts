import { defineUseCase } from '../use-case';
import { CERTIFICATE_NUMBER_PARAM, PublicCertificateSchema } from './get-certificate.use-case';

export const verifyCertificate = defineUseCase({
  name: 'verifyCertificate',
  service: 'enrolment',
  method: 'GET',
  path: '/public/certificates/:number',
  tag: 'public',
  summary:
    'Public verification of a certificate (the QR code on the paper): valid, expired or revoked, with what it attests. No token. No personal data beyond the name the holder chose to show. An unknown and a malformed number get the same 404',
  params: { number: CERTIFICATE_NUMBER_PARAM },
  response: PublicCertificateSchema,
  access: { roles: [], public: true },
  problems: [404],
});
