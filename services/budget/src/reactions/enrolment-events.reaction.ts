import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventStore, StoredEvent } from '@kompeten/event-store';
import { commitFundsOnStaffEnrolled } from './commit-funds-on-staff-enrolled.reaction';
import { recordExpenditureOnTrainingCompleted } from './record-expenditure-on-training-completed.reaction';
import {
  releaseFundsOnEnrolmentEnded,
  releaseFundsOnProgrammeCancelled,
} from './release-funds-on-enrolment-ended.reaction';

/** The enrolment events the budget's half of the saga listens to (the consumer skips the rest unopened). */
export const ENROLMENT_EVENTS_FOR_BUDGET = [
  'StaffEnrolled',
  'EnrolmentWithdrawn',
  'EnrolmentWaitlisted',
  'ProgrammeCancelled',
  'TrainingCompleted',
  'TrainingNotCompleted',
];

/**
 * The budget side of the enrolment ↔ budget saga. Runs inside the consumer's transaction, so the
 * processed-message record and the appended answer commit together: a redelivered event is skipped,
 * a crash before commit is redone, and every enrolment is decided exactly once.
 */
export function reactToEnrolmentEvent(store: EventStore) {
  return async (stored: StoredEvent, tx: QueryRunner): Promise<void> => {
    const event = { type: stored.type, data: stored.data } as ProgrammeEvent;
    // The enrolment's event caused ours: keep the correlation, record the causation.
    const metadata = {
      actor: 'service:budget',
      correlationId: stored.metadata.correlationId,
      causationId: stored.eventId,
    };
    switch (event.type) {
      case 'StaffEnrolled':
        return commitFundsOnStaffEnrolled(store, tx, event.data, metadata);
      case 'EnrolmentWithdrawn':
        return releaseFundsOnEnrolmentEnded(store, tx, event.data.enrolmentId, 'withdrawn', metadata);
      case 'TrainingNotCompleted':
        return releaseFundsOnEnrolmentEnded(store, tx, event.data.enrolmentId, 'not-completed', metadata);
      case 'EnrolmentWaitlisted':
        // Capacity waitlisting never held money; a funds waitlisting follows our own rejection and normally holds none either.
        if (event.data.reason === 'funds')
          await releaseFundsOnEnrolmentEnded(store, tx, event.data.enrolmentId, 'waitlisted', metadata);
        return;
      case 'ProgrammeCancelled':
        return releaseFundsOnProgrammeCancelled(store, tx, event.data.programmeId, metadata);
      case 'TrainingCompleted':
        return recordExpenditureOnTrainingCompleted(store, tx, event.data, metadata);
      default:
        return;
    }
  };
}
