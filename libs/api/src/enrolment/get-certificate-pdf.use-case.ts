import { defineUseCase, Type } from '../use-case';
import { CERTIFICATE_NUMBER_PARAM } from './get-certificate.use-case';

export const getCertificatePdf = defineUseCase({
  name: 'getCertificatePdf',
  service: 'enrolment',
  method: 'GET',
  path: '/certificates/:number/pdf',
  tag: 'certificates',
  summary:
    'The certificate to print (application/pdf, A4): number, holder name, title, provider, dates, JP and the QR code of its public verification URL. Same readers as GET /certificates/:number',
  params: { number: CERTIFICATE_NUMBER_PARAM },
  response: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary', description: 'A PDF document' }),
  produces: 'application/pdf',
  // The answer is a PDF: the gateway checks the holder's scope on GET /certificates/:number first (gateway-hooks.ts).
  access: { roles: ['training-officer', 'unit-head', 'staff'] },
  problems: [404],
});
