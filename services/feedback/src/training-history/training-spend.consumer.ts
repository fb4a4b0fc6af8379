import type { QueryRunner } from 'typeorm';
import type { ExpenditureRecorded } from '@kompeten/contracts';
import type { StoredEvent } from '@kompeten/event-store';
import { cityDate } from '../shared/city-date';

export const TRAINING_SPEND_EVENTS = ['ExpenditureRecorded'];

/** Keeps fb_training_spend: what was actually spent on whose training, dated when the budget recorded it. */
export async function applyTrainingSpend(stored: StoredEvent, tx: QueryRunner): Promise<void> {
  if (stored.type !== 'ExpenditureRecorded') return;
  const d = stored.data as ExpenditureRecorded['data'];
  await tx.query(
    `insert into fb_training_spend (event_id, enrolment_id, programme_id, nip, amount, spent_on) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [stored.eventId, d.enrolmentId, d.programmeId, d.nip, d.amount, cityDate(new Date(stored.occurredAt))],
  );
}
