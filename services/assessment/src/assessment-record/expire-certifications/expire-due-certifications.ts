import type { DataSource } from 'typeorm';
import type { CertificationExpired } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { runRecordCommand } from '../run-record-command';

const BATCH = 500;

/**
 * The expiry check, as of a given date: finds valid certifications due (read model) and lets each
 * record's decider confirm against the log. Safe to run anywhere, any number of times at once: a
 * certification already expired or superseded decides nothing.
 */
export async function expireDueCertifications(
  store: EventStore,
  db: DataSource,
  asOf: string,
  metadata: EventMetadata,
): Promise<CertificationExpired['data'][]> {
  const expired: CertificationExpired['data'][] = [];
  const checked: string[] = []; // a row the log says is not due (a lagging read model) is not asked again
  for (let more = true; more;) {
    const due: { nip: string; certification_id: string }[] = await db.query(
      `select nip, certification_id from certifications where status = 'valid' and expires_on <= $1::date
        and certification_id <> all($2::text[]) order by expires_on, certification_id limit ${BATCH}`,
      [asOf, checked],
    );
    for (const row of due) {
      checked.push(row.certification_id);
      const { events } = await runRecordCommand(
        store,
        { type: 'ExpireCertification', nip: row.nip, certificationId: row.certification_id, asOf },
        metadata,
      );
      expired.push(...events.map((e) => e.data as CertificationExpired['data']));
    }
    more = due.length === BATCH;
  }
  return expired;
}
