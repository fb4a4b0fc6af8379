import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore, StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import type { ProgrammeCommand } from '../programme/programme.commands';
import { runProgrammeCommand } from '../programme/run-programme-command';

/**
 * The enrolment side of the enrolment ↔ budget saga:
 *   ConfirmEnrolmentOnFundsCommitted — FundsCommitted → EnrolmentConfirmed; for an enrolment waitlisted
 *     for funds (the budget's queue committed when money came) the seat is free → EnrolmentConfirmed,
 *     else EnrolmentWaitlisted (capacity) and the budget releases the money
 *   WaitlistEnrolmentOnCommitmentRejected — CommitmentRejected → EnrolmentWaitlisted (funds), and the
 *     freed seat goes to the longest-waiting staff member (StaffEnrolled) in the same append
 * Runs inside the consumer's transaction, so the processed-message record and the appended events
 * commit together: a redelivered answer is skipped, a crash before commit is redone.
 *
 * `calendar` should be the service's (CITY_TIME_ZONE); the default is the default city's.
 */
export function reactToBudgetAnswer(store: EventStore, calendar: CityCalendar = new CityCalendar()) {
  const answer = async (stored: StoredEvent, tx: QueryRunner, programmeId: string, command: ProgrammeCommand) => {
    // The budget's event caused ours: keep the correlation, record the causation.
    const metadata = {
      actor: 'service:enrolment',
      correlationId: stored.metadata.correlationId,
      causationId: stored.eventId,
    };
    try {
      await runProgrammeCommand(store, programmeId, command, metadata, { tx });
    } catch (e) {
      // An answer about a programme this service does not know changes nothing; retrying would not help.
      if (e instanceof DomainError && e.kind === 'not-found') return;
      throw e;
    }
  };
  return eventHandler<BudgetEvent>({
    FundsCommitted: (e, tx) => {
      const { programmeId, nip, enrolmentId, commitmentId } = e.data;
      return answer(e, tx, programmeId, { type: 'ConfirmEnrolment', nip, enrolmentId, commitmentId });
    },
    CommitmentRejected: (e, tx) => {
      const { programmeId, nip, enrolmentId, attempt, detail } = e.data;
      // The budget's decision dates a promotion (not the time this consumer runs): a redo decides the same.
      const today = calendar.dateOf(new Date(e.occurredAt));
      return answer(e, tx, programmeId, { type: 'WaitlistForFunds', nip, enrolmentId, attempt, detail, today });
    },
  });
}
