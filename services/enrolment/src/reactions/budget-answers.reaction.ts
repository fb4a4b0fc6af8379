import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import { DomainError } from '@kompeten/domain';
import { EventStore, handleCommand, StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import type { ProgrammeCommand } from '../programme/programme.commands';
import { programmeDecider, programmeStreamId } from '../programme/programme.decider';

/**
 * The enrolment side of the enrolment ↔ budget saga:
 *   ConfirmEnrolmentOnFundsCommitted — FundsCommitted → EnrolmentConfirmed
 *   WaitlistEnrolmentOnCommitmentRejected — CommitmentRejected → EnrolmentWaitlisted (funds)
 * Runs inside the consumer's transaction, so the processed-message record and the appended events
 * commit together: a redelivered answer is skipped, a crash before commit is redone.
 */
export function reactToBudgetAnswer(store: EventStore) {
  const answer = async (stored: StoredEvent, tx: QueryRunner, programmeId: string, command: ProgrammeCommand) => {
    // The budget's event caused ours: keep the correlation, record the causation.
    const metadata = {
      actor: 'service:enrolment',
      correlationId: stored.metadata.correlationId,
      causationId: stored.eventId,
    };
    try {
      await handleCommand(store, programmeDecider, programmeStreamId(programmeId), command, metadata, { tx });
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
      const { programmeId, nip, enrolmentId, detail } = e.data;
      return answer(e, tx, programmeId, { type: 'WaitlistForFunds', nip, enrolmentId, detail });
    },
  });
}
