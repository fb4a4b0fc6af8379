import type { QueryRunner } from 'typeorm';
import { FUNDING_SOURCES, StaffEnrolled } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import type { CommitmentRequest } from '../budget/budget.commands';
import { budgetDecider, budgetIdOf, budgetStreamId, rejectionStreamId } from '../budget/budget.decider';
import { chooseBudget } from '../budget/choose-budget';
import { appendDecision, readBudgets, streamsOfEnrolment } from './budget-streams';

/**
 * CommitFundsOnStaffEnrolled: charge the programme's cost to the funding OPD's budget for the
 * programme's fiscal year (`year`, which the enrolment service sets: a December enrolment for a
 * January course asks next year's budget) → FundsCommitted, or CommitmentRejected with the reason
 * (in the unit's rejection stream when it has no budget that year). A re-request (a higher attempt)
 * first takes the enrolment's older request out of the queue it waits in, then is decided again
 * like a new one. A budget that funds by need holds it for its window instead (FundsRequestQueued),
 * with the need it was made with and `requestedOn`, the city date of the StaffEnrolled (when the
 * budget was asked, whatever date the enrolment itself carries). All in the consumer's transaction, once.
 */
export async function commitFundsOnStaffEnrolled(
  store: EventStore,
  tx: QueryRunner,
  enrolled: StaffEnrolled['data'],
  requestedOn: string,
  metadata: EventMetadata,
) {
  const {
    enrolmentId,
    attempt,
    programmeId,
    nip,
    fundingOpd: opd,
    year: fiscalYear,
    competencyArea,
    costPerParticipant: amount,
    need,
  } = enrolled;
  const request: CommitmentRequest = {
    enrolmentId,
    attempt,
    programmeId,
    nip,
    opd,
    fiscalYear,
    competencyArea,
    amount,
    // Null for requests made before the need was recorded (StaffEnrolled v1/v2): they score 0.
    need: need ?? null,
    requestedOn,
  };
  const budgets = FUNDING_SOURCES.map((source) => budgetStreamId(budgetIdOf(fiscalYear, opd, source)));
  const rejections = rejectionStreamId(fiscalYear, opd);
  const before = await streamsOfEnrolment(tx, enrolmentId);
  for (const streamId of before)
    await appendDecision(store, tx, metadata, async () => {
      const candidate = (await readBudgets(store, tx, [streamId])).get(streamId)!;
      const withdraw = { type: 'WithdrawFundsRequest' as const, enrolmentId, attempt };
      return { candidate, events: budgetDecider.decide(withdraw, candidate.state) };
    });
  const elsewhere = before.filter((id) => id !== rejections && !budgets.includes(id));
  await appendDecision(store, tx, metadata, async () => {
    const read = await readBudgets(store, tx, [...budgets, rejections, ...elsewhere]);
    return chooseBudget(
      budgets.map((id) => read.get(id)!),
      read.get(rejections)!,
      request,
      elsewhere.map((id) => read.get(id)!),
    );
  });
}
