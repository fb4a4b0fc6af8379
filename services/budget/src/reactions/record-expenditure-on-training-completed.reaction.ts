import type { QueryRunner } from 'typeorm';
import type { TrainingCompleted } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { budgetDecider } from '../budget/budget.decider';
import { appendDecision, readBudgets, streamOfCommitment } from './budget-streams';

/**
 * RecordExpenditureOnTrainingCompleted: the commitment becomes spending at the programme's current
 * cost per participant (it may have been revised since the commitment) → ExpenditureRecorded, or
 * ExpenditureRejected when the allocation cannot cover the difference. A completion cheaper than
 * its commitment frees money, which goes to the funds queue in the same decision.
 */
export async function recordExpenditureOnTrainingCompleted(
  store: EventStore,
  tx: QueryRunner,
  completed: TrainingCompleted['data'],
  metadata: EventMetadata,
) {
  const streamId = await streamOfCommitment(tx, completed.enrolmentId);
  if (!streamId) return;
  await appendDecision(store, tx, metadata, async () => {
    const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
    const command = {
      type: 'RecordCompletionCost' as const,
      enrolmentId: completed.enrolmentId,
      amount: completed.costPerParticipant,
      jp: completed.jp,
    };
    return { candidate, events: budgetDecider.decide(command, candidate.state) };
  });
}
