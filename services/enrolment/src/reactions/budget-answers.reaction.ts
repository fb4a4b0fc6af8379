import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { EventStore, handleCommand, StoredEvent } from '@kompeten/event-store';
import { DomainProblem } from '@kompeten/platform';
import { programmeDecider, programmeStreamId } from '../programme/programme.decider';

/** The budget events this process manager listens to. */
export const BUDGET_ANSWERS = ['FundsCommitted', 'CommitmentRejected'];

/**
 * The enrolment side of the enrolment ↔ budget saga:
 *   ConfirmEnrolmentOnFundsCommitted — FundsCommitted → EnrolmentConfirmed
 *   WaitlistEnrolmentOnCommitmentRejected — CommitmentRejected → EnrolmentWaitlisted (funds)
 * Runs inside the consumer's transaction, so the processed-message record and the appended events
 * commit together: a redelivered answer is skipped, a crash before commit is redone.
 */
export function reactToBudgetAnswer(store: EventStore) {
  const react = async (stored: StoredEvent, tx: QueryRunner): Promise<void> => {
    const event = { type: stored.type, data: stored.data } as BudgetEvent;
    // The budget's event caused ours: keep the correlation, record the causation.
    const metadata = {
      actor: 'service:enrolment',
      correlationId: stored.metadata.correlationId,
      causationId: stored.eventId,
    };
    if (event.type === 'FundsCommitted') {
      const { programmeId, nip, enrolmentId, commitmentId } = event.data;
      await handleCommand(
        store,
        programmeDecider,
        programmeStreamId(programmeId),
        { type: 'ConfirmEnrolment', nip, enrolmentId, commitmentId },
        metadata,
        { tx },
      );
    } else if (event.type === 'CommitmentRejected') {
      const { programmeId, nip, enrolmentId, detail } = event.data;
      await handleCommand(
        store,
        programmeDecider,
        programmeStreamId(programmeId),
        { type: 'WaitlistForFunds', nip, enrolmentId, detail },
        metadata,
        { tx },
      );
    }
  };
  return async (stored: StoredEvent, tx: QueryRunner): Promise<void> => {
    try {
      await react(stored, tx);
    } catch (e) {
      // An answer about a programme this service does not know changes nothing; retrying would not help.
      if (e instanceof DomainProblem && e.status === 404) return;
      throw e;
    }
  };
}
