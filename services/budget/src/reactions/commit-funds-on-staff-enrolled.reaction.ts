import type { QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { FUNDING_SOURCES, StaffEnrolled } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import type { CommitmentRequest } from '../budget/budget.commands';
import { budgetIdOf, budgetStreamId, rejectionStreamId } from '../budget/budget.decider';
import { chooseBudget } from '../budget/choose-budget';
import { appendDecision, indexCommitment, readBudgets } from './budget-streams';

/**
 * CommitFundsOnStaffEnrolled: charge the programme's cost to the funding OPD's budget for the year
 * → FundsCommitted, or CommitmentRejected with the reason (in the unit's rejection stream when it
 * has no budget at all). Either answer is appended in the consumer's transaction, once.
 */
export async function commitFundsOnStaffEnrolled(
  store: EventStore,
  tx: QueryRunner,
  enrolled: StaffEnrolled['data'],
  metadata: EventMetadata,
) {
  const {
    enrolmentId,
    programmeId,
    nip,
    fundingOpd: opd,
    year: fiscalYear,
    competencyArea,
    costPerParticipant: amount,
  } = enrolled;
  const request: CommitmentRequest = {
    commitmentId: uuidv7(),
    enrolmentId,
    programmeId,
    nip,
    opd,
    fiscalYear,
    competencyArea,
    amount,
  };
  const budgets = FUNDING_SOURCES.map((source) => budgetStreamId(budgetIdOf(fiscalYear, opd, source)));
  const rejections = rejectionStreamId(fiscalYear, opd);
  const appended = await appendDecision(store, tx, metadata, async () => {
    const read = await readBudgets(store, tx, [...budgets, rejections]);
    return chooseBudget(
      budgets.map((id) => read.get(id)!),
      read.get(rejections)!,
      request,
    );
  });
  const committed = appended.find((e) => e.type === 'FundsCommitted');
  if (committed) await indexCommitment(tx, enrolmentId, programmeId, committed.streamId);
}
