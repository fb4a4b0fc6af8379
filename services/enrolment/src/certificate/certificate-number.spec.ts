import { createHash } from 'node:crypto';
import { certificateNumber, isCertificateNumber } from './certificate-number';

describe('the certificate number', () => {
  it('is KPT-<year>-XXXX-XXXX in Crockford base32 (no I, L, O, U)', () => {
    const n = certificateNumber('training', 'kom-efektif-2026-198001012010011001', 2026);
    expect(n).toMatch(/^KPT-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(isCertificateNumber(n)).toBe(true);
  });

  it('is the first 40 bits of SHA-256("kompeten-certificate:<kind>:<sourceId>"), 5 bits per character', () => {
    const digest = createHash('sha256').update('kompeten-certificate:competency:cert-1').digest();
    const bits = [...digest.subarray(0, 5)].map((b) => b.toString(2).padStart(8, '0')).join('');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const chars = bits
      .match(/.{5}/g)!
      .map((b) => alphabet[parseInt(b, 2)])
      .join('');
    expect(certificateNumber('competency', 'cert-1', 2027)).toBe(`KPT-2027-${chars.slice(0, 4)}-${chars.slice(4)}`);
  });

  it('is the same for the same source every time, and differs by kind and by source', () => {
    const a = certificateNumber('training', 'e-1', 2026);
    expect(certificateNumber('training', 'e-1', 2026)).toBe(a);
    expect(certificateNumber('competency', 'e-1', 2026)).not.toBe(a);
    expect(certificateNumber('training', 'e-2', 2026)).not.toBe(a);
    // 1,000 sources, 1,000 numbers (40 bits: a collision among so few would be a bug, not chance).
    const many = new Set(Array.from({ length: 1000 }, (_, i) => certificateNumber('training', `e-${i}`, 2026)));
    expect(many.size).toBe(1000);
  });

  it('recognises only the printed shape', () => {
    for (const bad of [
      'KPT-2026-ABCD-EFG',
      'kpt-2026-abcd-efgh',
      'KPT-2026-ABCD-EFGI',
      'KPT-26-ABCD-EFGH',
      "' or 1=1 --",
    ])
      expect(isCertificateNumber(bad)).toBe(false);
    expect(isCertificateNumber('KPT-2026-ABCD-EFGH')).toBe(true);
  });
});
