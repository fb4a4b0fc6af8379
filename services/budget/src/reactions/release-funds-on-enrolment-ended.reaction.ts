import type { QueryRunner } from 'typeorm';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { budgetDecider } from '../budget/budget.decider';
import type { ReleaseReason } from '../budget/budget.commands';
import { appendDecision, readBudgets, streamOfEnrolment, streamsOfProgramme } from './budget-streams';

/**
 * ReleaseFundsOnEnrolmentWithdrawn / OnTrainingNotCompleted / OnEnrolmentWaitlisted (funds):
 * the enrolment's open commitment, if any, is given back. A withdrawal releases even when the
 * enrolment was not yet confirmed: the commitment may have been made and its answer not yet seen.
 * An enrolment this budget never committed (rejected, or unknown here) changes nothing.
 */
export async function releaseFundsOnEnrolmentEnded(
  store: EventStore,
  tx: QueryRunner,
  enrolmentId: string,
  reason: ReleaseReason,
  metadata: EventMetadata,
) {
  const streamId = await streamOfEnrolment(tx, enrolmentId);
  if (!streamId) return;
  await appendDecision(store, tx, metadata, async () => {
    const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
    return { candidate, events: budgetDecider.decide({ type: 'ReleaseFunds', enrolmentId, reason }, candidate.state) };
  });
}

/** ReleaseFundsOnProgrammeCancelled: every open commitment of the programme, in every budget that holds one. */
export async function releaseFundsOnProgrammeCancelled(
  store: EventStore,
  tx: QueryRunner,
  programmeId: string,
  metadata: EventMetadata,
) {
  for (const streamId of await streamsOfProgramme(tx, programmeId)) {
    await appendDecision(store, tx, metadata, async () => {
      const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
      return {
        candidate,
        events: budgetDecider.decide(
          { type: 'ReleaseProgrammeFunds', programmeId, reason: 'cancelled' },
          candidate.state,
        ),
      };
    });
  }
}
