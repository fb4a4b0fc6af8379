import type { ExpenditureRecorded } from '@kompeten/contracts';
import { eventHandler } from '@kompeten/messaging';
import { cityDate } from '../shared/city-date';

/** Keeps fb_training_spend: what was actually spent on whose training, dated when the budget recorded it. */
export const applyTrainingSpend = eventHandler<ExpenditureRecorded>({
  ExpenditureRecorded: ({ eventId, occurredAt, data: d }, tx) =>
    tx.query(
      `insert into fb_training_spend (event_id, enrolment_id, programme_id, nip, amount, spent_on) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [eventId, d.enrolmentId, d.programmeId, d.nip, d.amount, cityDate(new Date(occurredAt))],
    ),
});
