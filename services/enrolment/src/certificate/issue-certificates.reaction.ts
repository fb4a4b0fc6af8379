import type { QueryRunner } from 'typeorm';
import type { AssessmentRecordEvent, CertificateIssued, ProgrammeEvent } from '@kompeten/contracts';
import { CityCalendar, DomainError, fold } from '@kompeten/domain';
import { EventStore, type StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import { programmeDecider, programmeStreamId } from '../programme/programme.decider';
import { PROGRAMME_OWN_TYPES } from '../programme/programme-streams';
import { loadStaff } from '../staff/load-staff';
import { certificateNumber } from './certificate-number';
import { runCertificateCommand } from './run-certificate-command';

/** Who organises Kompeten's own programmes and certifies competencies, unless a programme names a partner. */
export const CITY_PROVIDER = 'BKPSDM Kota Bukittinggi';

/** `orientasi-pada-hasil` → `Orientasi pada hasil` (a competency the dictionary has not told this service about yet). */
const fromCode = (code: string) => {
  const words = code.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * Issues a certificate for each completion and each competency certification:
 *   IssueCertificateOnTrainingCompleted — the service's own TrainingCompleted → CertificateIssued (kind training)
 *   IssueCertificateOnCompetencyCertified — the assessment service's CompetencyCertified → CertificateIssued
 *     (kind competency, valid until its expiresOn)
 * Crash-safe and idempotent: it runs inside the consumer's transaction with its processed-message
 * record, and the certificate's number is derived from its source (certificate-number.ts), so a
 * redelivered event, or a second run after a restart, loads `certificate-<number>`, finds it issued
 * and appends nothing; two racing runs meet at expected version 0 and the second one finds it issued.
 * Every value comes from the event and the streams as they stood then (the title as of the completion),
 * dated by the event's instant, so a redo decides the same.
 */
export function reactWithCertificates(store: EventStore, calendar: CityCalendar = new CityCalendar()) {
  const causedBy = (stored: StoredEvent) => ({
    actor: 'service:enrolment',
    correlationId: stored.metadata.correlationId,
    causationId: stored.eventId,
  });
  const issue = (stored: StoredEvent, tx: QueryRunner, data: CertificateIssued['data']) =>
    runCertificateCommand(store, { type: 'IssueCertificate', ...data }, causedBy(stored), { tx });

  return eventHandler<ProgrammeEvent | AssessmentRecordEvent>({
    TrainingCompleted: async (e, tx) => {
      const d = e.data;
      // The programme as it stood at the completion: a later revision of its title changes no certificate issued.
      // Its own events only (a programme from before issue 23 also holds its participants' — not needed here).
      const history = await store.readStream<ProgrammeEvent>(programmeStreamId(d.programmeId));
      const programme = fold(
        programmeDecider,
        history
          .filter((h) => h.position <= e.position && PROGRAMME_OWN_TYPES.includes(h.type))
          .map(({ type, data }) => ({ type, data }) as ProgrammeEvent),
      );
      if (programme.status === 'unknown') return; // not this service's programme: nothing to attest
      await issue(e, tx, {
        number: certificateNumber('training', d.enrolmentId, Number(d.completedOn.slice(0, 4))),
        kind: 'training',
        sourceId: d.enrolmentId,
        nip: d.nip,
        workUnit: { opd: d.workUnit.opd, serviceUnit: d.workUnit.serviceUnit ?? null },
        title: programme.details.title,
        provider: programme.details.universityPartner ?? CITY_PROVIDER,
        programmeId: d.programmeId,
        competencyCode: null,
        level: null,
        completedOn: d.completedOn,
        jp: d.jp,
        issuedOn: calendar.dateOf(new Date(e.occurredAt)),
        expiresOn: null,
      });
    },
    CompetencyCertified: async (e, tx) => {
      const d = e.data;
      let staff;
      try {
        staff = await loadStaff(store, d.nip);
      } catch (error) {
        // Someone this service never registered has no unit to print; retrying would not help.
        if (error instanceof DomainError && error.kind === 'not-found') return;
        throw error;
      }
      const [known] = (await tx.query('select name from known_competency where code = $1', [d.competencyCode])) as {
        name: string;
      }[];
      await issue(e, tx, {
        number: certificateNumber('competency', d.certificationId, Number(d.certifiedOn.slice(0, 4))),
        kind: 'competency',
        sourceId: d.certificationId,
        nip: d.nip,
        workUnit: { opd: staff.workUnit.opd, serviceUnit: staff.workUnit.serviceUnit ?? null },
        title: `${known?.name ?? fromCode(d.competencyCode)} — level ${d.level}`,
        provider: CITY_PROVIDER,
        programmeId: d.programmeId,
        competencyCode: d.competencyCode,
        level: d.level,
        completedOn: d.certifiedOn,
        jp: 0,
        issuedOn: calendar.dateOf(new Date(e.occurredAt)),
        expiresOn: d.expiresOn,
      });
    },
  });
}
