import type { DataSource } from 'typeorm';
import type { CertificateEvent, StaffEvent, StaffRegistered } from '@kompeten/contracts';
import type { getCertificate, ResponseOf, verifyCertificate } from '@kompeten/api';
import { fold } from '@kompeten/domain';
import type { EventStore, StoredEvent } from '@kompeten/event-store';
import { staffStreamId } from '../staff/staff.decider';
import { isCertificateNumber } from './certificate-number';
import { certificateStreamId } from './certificate.commands';
import { certificateDecider } from './certificate.decider';
import { certificateProblems } from './certificate.problems';
import { validityOn, type CertificateState } from './certificate.state';

export type CertificateView = ResponseOf<typeof getCertificate>;
export type PublicCertificateView = ResponseOf<typeof verifyCertificate>;
type Issued = NonNullable<CertificateState['issued']>;

/** The public verification URL of a certificate: what its QR code holds. */
export const verificationUrl = (publicBaseUrl: string, number: string) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/api/v1/public/certificates/${encodeURIComponent(number)}`;

/**
 * A certificate as its stream says (a handful of events, so read-your-writes without a read model).
 * An unknown and a malformed number are the same 404: the shape is checked here only to spare the
 * store a lookup, never to answer differently.
 */
export async function loadCertificate(store: EventStore, number: string) {
  if (!isCertificateNumber(number)) throw certificateProblems.notFound();
  const events = await store.readStream<CertificateEvent>(certificateStreamId(number));
  const s = fold(
    certificateDecider,
    events.map(({ type, data }) => ({ type, data }) as CertificateEvent),
  );
  if (s.issued === null) throw certificateProblems.notFound();
  return { ...s, issued: s.issued };
}

/** The holder's name from their registration (encrypted in the log): null once erased or never registered here. */
export async function holderName(store: EventStore, nip: string): Promise<string | null> {
  const events = await store.readStream<StaffEvent>(staffStreamId(nip));
  const registered = events.find((e): e is StoredEvent<StaffRegistered> => e.type === 'StaffRegistered');
  return registered?.data.name ?? null;
}

const common = (s: CertificateState & { issued: Issued }, asOf: string) => ({
  number: s.issued.number,
  kind: s.issued.kind,
  status: validityOn(s.issued.expiresOn, s.revoked !== null, asOf),
  title: s.issued.title,
  provider: s.issued.provider,
  completedOn: s.issued.completedOn,
  jp: s.issued.jp,
  expiresOn: s.issued.expiresOn,
  revokedOn: s.revoked?.revokedOn ?? null,
  revocationReason: s.revoked?.reason ?? null,
  asOf,
});

/** For the holder and officers: the holder's NIP and their OPD now (what the gateway scopes a unit head by). */
export async function certificateView(
  s: CertificateState & { issued: Issued },
  db: Pick<DataSource, 'query'>,
  asOf: string,
  publicBaseUrl: string,
): Promise<CertificateView> {
  const [roster] = await db.query<{ opd: string }[]>('select opd from staff_roster where nip = $1', [s.issued.nip]);
  return {
    ...common(s, asOf),
    sourceId: s.issued.sourceId,
    nip: s.issued.nip,
    opd: roster?.opd ?? s.issued.workUnit.opd,
    workUnit: { opd: s.issued.workUnit.opd, serviceUnit: s.issued.workUnit.serviceUnit ?? null },
    programmeId: s.issued.programmeId,
    competencyCode: s.issued.competencyCode,
    level: s.issued.level,
    issuedOn: s.issued.issuedOn,
    showHolderName: s.showHolderName,
    verificationUrl: verificationUrl(publicBaseUrl, s.issued.number),
  };
}

/** For anyone with the number: no NIP, no unit; the name only when the holder chose to show it. */
export async function publicCertificateView(
  s: CertificateState & { issued: Issued },
  store: EventStore,
  asOf: string,
): Promise<PublicCertificateView> {
  return {
    ...common(s, asOf),
    holderName: s.showHolderName ? await holderName(store, s.issued.nip) : null,
  };
}
