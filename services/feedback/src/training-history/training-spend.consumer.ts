import type { ExpenditureRecorded } from '@kompeten/contracts';
import type { CityCalendar } from '@kompeten/domain';
import { eventHandler } from '@kompeten/messaging';

/**
 * Keeps fb_training_spend: what was actually spent on whose training, dated when the budget recorded
 * it — the city's date of the event's `occurredAt` (ExpenditureRecorded carries no date of its own).
 */
export const applyTrainingSpend = (calendar: CityCalendar) =>
  eventHandler<ExpenditureRecorded>({
    ExpenditureRecorded: ({ eventId, occurredAt, data: d }, tx) =>
      tx.query(
        `insert into fb_training_spend (event_id, enrolment_id, programme_id, nip, amount, spent_on) values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
        [eventId, d.enrolmentId, d.programmeId, d.nip, d.amount, calendar.dateOf(new Date(occurredAt))],
      ),
  });
