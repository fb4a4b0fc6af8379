import type { ProgrammeEvent } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import type { EventMetadata, EventStore, StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import { commitFundsOnStaffEnrolled } from './commit-funds-on-staff-enrolled.reaction';
import { recordExpenditureOnTrainingCompleted } from './record-expenditure-on-training-completed.reaction';
import {
  releaseFundsOnEnrolmentEnded,
  releaseFundsOnProgrammeCancelled,
} from './release-funds-on-enrolment-ended.reaction';

/** The enrolment's event caused ours: keep the correlation, record the causation. */
const causedBy = (stored: StoredEvent): EventMetadata => ({
  actor: 'service:budget',
  correlationId: stored.metadata.correlationId,
  causationId: stored.eventId,
});

/**
 * The budget side of the enrolment ↔ budget saga. Runs inside the consumer's transaction, so the
 * processed-message record and the appended answer commit together: a redelivered event is skipped,
 * a crash before commit is redone, and every funds request (enrolment, attempt) is decided exactly once.
 * `calendar` (the service's CITY_TIME_ZONE) dates a request from its event's instant, so a redo dates it the same.
 */
export function reactToEnrolmentEvent(store: EventStore, calendar: CityCalendar = new CityCalendar()) {
  return eventHandler<ProgrammeEvent>({
    StaffEnrolled: (e, tx) =>
      commitFundsOnStaffEnrolled(store, tx, e.data, calendar.dateOf(new Date(e.occurredAt)), causedBy(e)),
    EnrolmentWithdrawn: (e, tx) =>
      releaseFundsOnEnrolmentEnded(store, tx, e.data.enrolmentId, 'withdrawn', causedBy(e)),
    // A unit head declined to release the staff member: whatever was committed for the seat goes back.
    EnrolmentDeclined: (e, tx) => releaseFundsOnEnrolmentEnded(store, tx, e.data.enrolmentId, 'declined', causedBy(e)),
    TrainingNotCompleted: (e, tx) =>
      releaseFundsOnEnrolmentEnded(store, tx, e.data.enrolmentId, 'not-completed', causedBy(e)),
    EnrolmentWaitlisted: async (e, tx) => {
      // Capacity: the queue committed money for it (or it was re-requested) but its seat went meanwhile —
      // give the money back and take it out of the queue; it asks again (a new attempt) when it gets a seat.
      // Funds: it answers our rejection, which committed nothing. Any commitment open by the time it arrives
      // came later, from the queue, and the enrolment service answers that one itself: releasing here
      // would leave it confirmed without money.
      if (e.data.reason === 'capacity')
        await releaseFundsOnEnrolmentEnded(store, tx, e.data.enrolmentId, 'waitlisted', causedBy(e));
    },
    ProgrammeCancelled: (e, tx) => releaseFundsOnProgrammeCancelled(store, tx, e.data.programmeId, causedBy(e)),
    TrainingCompleted: (e, tx) => recordExpenditureOnTrainingCompleted(store, tx, e.data, causedBy(e)),
  });
}
