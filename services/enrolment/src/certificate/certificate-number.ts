import { createHash } from 'node:crypto';
import type { CertificateKind } from '@kompeten/contracts';

/** Crockford's base32 alphabet: no I, L, O or U, so a number read aloud or typed from paper is not misread. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `KPT-2026-7K3M-Q9XD`: what a certificate number looks like (the public route does not tell callers). */
export const CERTIFICATE_NUMBER = /^KPT-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * The certificate number of a source (an enrolment's completion, a competency certification):
 * `KPT-<year>-XXXX-XXXX`, the year of completion or certification and the first 40 bits of
 * SHA-256(`kompeten-certificate:<kind>:<sourceId>`) in Crockford base32. The same source always gets
 * the same number, so issuing twice (a redelivered event, a restart) finds the certificate issued.
 * Not a secret: it only has to be unique, and hard to guess among numbers that exist (2^40 per year).
 */
export function certificateNumber(kind: CertificateKind, sourceId: string, year: number): string {
  const digest = createHash('sha256').update(`kompeten-certificate:${kind}:${sourceId}`, 'utf8').digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 8; i++) code = CROCKFORD[Number((bits >> BigInt(5 * i)) & 31n)] + code;
  return `KPT-${String(year).padStart(4, '0')}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Whether a string has the shape of a certificate number (upper case as printed). */
export const isCertificateNumber = (value: string) => CERTIFICATE_NUMBER.test(value);
