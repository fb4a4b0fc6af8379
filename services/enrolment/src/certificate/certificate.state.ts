import type { CertificateEvent, CertificateIssued, CertificateRevocationReason } from '@kompeten/contracts';

export interface CertificateState {
  /** none: no certificate of this number; issued: it is (whether revoked or expired is said below). */
  status: 'none' | 'issued';
  issued: CertificateIssued['data'] | null;
  revoked: { reason: CertificateRevocationReason; revokedOn: string } | null;
  /** The holder's choice: public verification shows their name only when true. */
  showHolderName: boolean;
}

export const initialCertificateState = (): CertificateState => ({
  status: 'none',
  issued: null,
  revoked: null,
  showHolderName: false,
});

export function evolveCertificate(s: CertificateState, e: CertificateEvent): CertificateState {
  switch (e.type) {
    case 'CertificateIssued':
      return { ...s, status: 'issued', issued: e.data };
    case 'CertificateRevoked':
      return { ...s, revoked: { reason: e.data.reason, revokedOn: e.data.revokedOn } };
    case 'CertificateDisclosureChosen':
      return { ...s, showHolderName: e.data.showHolderName };
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** What a certificate is worth on a day: revoked wins; then a competency certificate expires on its expiresOn. */
export type CertificateValidity = 'valid' | 'expired' | 'revoked';

export function validityOn(expiresOn: string | null, revoked: boolean, today: string): CertificateValidity {
  if (revoked) return 'revoked';
  // expiresOn is the first day it is no longer valid (as CompetencyCertified says).
  return expiresOn !== null && today >= expiresOn ? 'expired' : 'valid';
}
