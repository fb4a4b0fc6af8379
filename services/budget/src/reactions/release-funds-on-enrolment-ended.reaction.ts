import type { QueryRunner } from 'typeorm';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { budgetDecider } from '../budget/budget.decider';
import type { BudgetCommand, ReleaseReason } from '../budget/budget.commands';
import { appendDecision, readBudgets, streamsOfEnrolment, streamsOfProgramme } from './budget-streams';

/**
 * ReleaseFundsOnEnrolmentWithdrawn / OnTrainingNotCompleted / OnEnrolmentWaitlisted (capacity):
 * the enrolment's open commitment, if any, is given back, and a request of it waiting in a funds
 * queue leaves it. A withdrawal releases even when the enrolment was not yet confirmed: the
 * commitment may have been made and its answer not yet seen. What the freed money can pay for is
 * committed to the queue in the same decision. An enrolment no budget holds changes nothing.
 */
export async function releaseFundsOnEnrolmentEnded(
  store: EventStore,
  tx: QueryRunner,
  enrolmentId: string,
  reason: ReleaseReason,
  metadata: EventMetadata,
) {
  for (const streamId of await streamsOfEnrolment(tx, enrolmentId))
    await decideOn(store, tx, streamId, { type: 'ReleaseFunds', enrolmentId, reason }, metadata);
}

/** ReleaseFundsOnProgrammeCancelled: every open commitment and waiting request of the programme, in every budget. */
export async function releaseFundsOnProgrammeCancelled(
  store: EventStore,
  tx: QueryRunner,
  programmeId: string,
  metadata: EventMetadata,
) {
  for (const streamId of await streamsOfProgramme(tx, programmeId))
    await decideOn(store, tx, streamId, { type: 'ReleaseProgrammeFunds', programmeId, reason: 'cancelled' }, metadata);
}

const decideOn = (
  store: EventStore,
  tx: QueryRunner,
  streamId: string,
  command: BudgetCommand,
  metadata: EventMetadata,
) =>
  appendDecision(store, tx, metadata, async () => {
    const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
    return { candidate, events: budgetDecider.decide(command, candidate.state) };
  });
