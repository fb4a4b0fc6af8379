import type { ErasureReason, ErasureSubjectKind, PersonalDataErased } from '@kompeten/contracts';
import type { DataSource } from 'typeorm';
import type { EventMetadata } from '../store/event-envelope';
import type { EventStore } from '../store/event-store';
import { EventRow, RECORD_COLUMNS, toRecord } from '../store/record-mapping';
import type { PostgresKeyStore } from './postgres-key-store';

/** The subjects the services seal data for: a staff member by NIP, a citizen by survey submission. */
export const ERASABLE_SUBJECT =
  /^(staff:\d{18}|respondent:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export interface ErasureRequest {
  erasureId: string;
  /** `staff:<nip>` or `respondent:<submissionId>`, as the events seal them. */
  subject: string;
  reason: ErasureReason;
}

/** One sealed field of the person in this service's log. */
export interface ErasurePlace {
  stream: string;
  position: number;
  type: string;
  field: string;
}

/** What one service answers: where the person's data was, the event it recorded, and the proof. */
export interface ServiceErasureReport {
  subjectKind: ErasureSubjectKind;
  subjectKeyId: string;
  /** True when an earlier request had already erased the person here (nothing new was recorded). */
  alreadyErased: boolean;
  /** The PersonalDataErased event (the first one, on a repeated request). */
  event: {
    stream: string;
    position: number;
    eventId: string;
    erasureId: string;
    reason: ErasureReason;
    recordedAt: string;
  };
  places: ErasurePlace[];
  proof: {
    /** Every place, read back now, shows the field as erased (null and listed in `erased`). */
    fieldsReadAsErased: boolean;
    /** Places that still opened (must be empty). */
    stillReadable: ErasurePlace[];
    /** No key for the person is left in es_personal_key. */
    keyDeleted: boolean;
    /** The whole hash chain recomputed after the erasure. */
    chain: { ok: boolean; count: number; headPosition: number; headAgrees: boolean };
  };
}

/**
 * Erasure as an operation (UU 27/2022): finds every sealed field of the person in this service's
 * log, deletes their key and records a PersonalDataErased event in one transaction, then proves it
 * — each place read back as erased, the chain recomputed. Repeating it changes nothing and answers
 * the first erasure's event.
 */
export class PersonEraser {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly keys: PostgresKeyStore,
  ) {}

  async erase(request: ErasureRequest, metadata: EventMetadata): Promise<ServiceErasureReport> {
    if (!ERASABLE_SUBJECT.test(request.subject)) throw new Error(`not an erasable subject: ${request.subject}`);
    // The scan runs outside the transaction (it reads the whole log; appends must not wait for it).
    // Anything appended after it is picked up below: once the key is gone, nothing new can be sealed.
    const { position: scanned } = await this.store.head();
    const before = await this.places(request.subject, 0, scanned);
    const recorded = await this.record(request, metadata, before);
    const places = [...before, ...(await this.places(request.subject, scanned))];
    return { ...recorded, places, proof: await this.prove(request.subject, places) };
  }

  private async record(request: ErasureRequest, metadata: EventMetadata, places: ErasurePlace[]) {
    const tx = this.dataSource.createQueryRunner();
    await tx.connect();
    await tx.startTransaction();
    try {
      // The head first, as every append takes it: an erasure and an append sealing data for the same
      // person then queue for the same lock instead of deadlocking over the key row.
      await tx.query('select 1 from es_head where id = 1 for update');
      await this.keys.erase(request.subject, tx);
      const [{ key_id: subjectKeyId }] = await tx.manager.query<{ key_id: string }[]>(
        'select key_id from es_personal_key where subject = $1',
        [request.subject],
      );
      const stream = `personal-data-erasure-${subjectKeyId}`;
      const [earlier] = await tx.manager.query<EventRow[]>(
        `select ${RECORD_COLUMNS} from es_event where stream_id = $1 order by stream_version limit 1`,
        [stream],
      );
      const subjectKind = request.subject.slice(0, request.subject.indexOf(':')) as ErasureSubjectKind;
      let alreadyErased = true;
      let event = earlier ? (await this.store.open<PersonalDataErased>([toRecord(earlier)]))[0] : undefined;
      if (!event) {
        alreadyErased = false;
        [event] = await this.store.append<PersonalDataErased>(
          stream,
          'no-stream',
          [
            {
              type: 'PersonalDataErased',
              data: {
                erasureId: request.erasureId,
                subjectKind,
                subjectKeyId,
                reason: request.reason,
                places: places.map(({ position, type, field }) => ({ position, type, field })),
              },
            },
          ],
          metadata,
          tx,
        );
      }
      await tx.commitTransaction();
      return {
        subjectKind,
        subjectKeyId,
        alreadyErased,
        event: {
          stream,
          position: event.position,
          eventId: event.eventId,
          erasureId: event.data.erasureId,
          reason: event.data.reason,
          recordedAt: event.recordedAt,
        },
      };
    } catch (e) {
      await tx.rollbackTransaction();
      throw e;
    } finally {
      await tx.release();
    }
  }

  /** Every top-level payload field sealed for the subject, in positions (after, upTo]. */
  private async places(subject: string, after: number, upTo?: number): Promise<ErasurePlace[]> {
    const rows = await this.dataSource.query<{ position: string; stream_id: string; type: string; field: string }[]>(
      `select e.position, e.stream_id, e.type, f.key as field
         from es_event e
         cross join lateral jsonb_each(case when jsonb_typeof(e.payload) = 'object' then e.payload else '{}' end) f
        where e.position > $2 and ($3::bigint is null or e.position <= $3)
          and jsonb_typeof(f.value) = 'object' and f.value -> '$personal' ->> 'subject' = $1
        order by e.position, f.key`,
      [subject, after, upTo ?? null],
    );
    return rows.map((r) => ({ stream: r.stream_id, position: Number(r.position), type: r.type, field: r.field }));
  }

  private async prove(subject: string, places: ErasurePlace[]): Promise<ServiceErasureReport['proof']> {
    const rows = await this.dataSource.query<EventRow[]>(
      `select ${RECORD_COLUMNS} from es_event where position = any($1::bigint[]) order by position`,
      [[...new Set(places.map((p) => p.position))]],
    );
    const opened = new Map((await this.store.open(rows.map(toRecord))).map((e) => [e.position, e]));
    const stillReadable = places.filter((p) => !opened.get(p.position)?.erased?.includes(p.field));
    const keyDeleted = (await this.keys.keysFor([subject])).size === 0 && (await this.keys.isErased(subject));
    const { ok, count, headPosition, headAgrees } = await this.store.verify();
    return {
      fieldsReadAsErased: stillReadable.length === 0,
      stillReadable,
      keyDeleted,
      chain: { ok, count, headPosition, headAgrees },
    };
  }
}
