import type { QueryRunner } from 'typeorm';
import type { BudgetEvent } from '@kompeten/contracts';
import {
  EventMetadata,
  EventRow,
  EventStore,
  fold,
  RECORD_COLUMNS,
  StoredEvent,
  toRecord,
  WrongExpectedVersionError,
} from '@kompeten/event-store';
import { budgetDecider } from '../budget/budget.decider';
import type { BudgetCandidate } from '../budget/choose-budget';

/**
 * Reads budget streams through the consumer's own transaction, not the pool: after a conflicting
 * append the transaction holds the log's head lock, and waiting for a second pooled connection
 * while holding it could stall every other writer queued behind it.
 */
export async function readBudgets(
  store: EventStore,
  tx: QueryRunner,
  streamIds: string[],
): Promise<Map<string, BudgetCandidate>> {
  const rows = await tx.manager.query<EventRow[]>(
    `select ${RECORD_COLUMNS} from es_event where stream_id = any($1) order by stream_id, stream_version`,
    [streamIds],
  );
  const events = await store.open<BudgetEvent>(rows.map(toRecord));
  return new Map(
    streamIds.map((streamId) => {
      const mine = events.filter((e) => e.streamId === streamId);
      const state = fold(
        budgetDecider,
        mine.map(({ type, data }) => ({ type, data }) as BudgetEvent),
      );
      return [streamId, { streamId, state, version: mine.length ? mine[mine.length - 1].streamVersion : 0 }];
    }),
  );
}

export interface Decision {
  candidate: BudgetCandidate;
  events: BudgetEvent[];
}

/**
 * Read → decide → append at the version read, inside the consumer's transaction. A conflict means
 * another writer committed to that stream in between: read and decide again. The failed append
 * already holds the head lock, so nobody can append before our retry: it succeeds the second time.
 */
export async function appendDecision(
  store: EventStore,
  tx: QueryRunner,
  metadata: EventMetadata,
  decide: () => Promise<Decision>,
): Promise<StoredEvent<BudgetEvent>[]> {
  for (let attempt = 1; ; attempt++) {
    const { candidate, events } = await decide();
    if (events.length === 0) return [];
    try {
      return await store.append<BudgetEvent>(
        candidate.streamId,
        candidate.version,
        events.map(({ type, data }) => ({ type, data })),
        metadata,
        tx,
      );
    } catch (e) {
      if (!(e instanceof WrongExpectedVersionError) || attempt >= 5) throw e;
    }
  }
}

/** A row of budget_commitment_index (QueryRunner.query answers `any`: the callers below state the row type). */
interface CommitmentIndexRow {
  stream_id: string;
}

/** Remembers which stream holds an enrolment's commitment (same transaction as the FundsCommitted). */
export async function indexCommitment(tx: QueryRunner, enrolmentId: string, programmeId: string, streamId: string) {
  await tx.query(
    'insert into budget_commitment_index (enrolment_id, programme_id, stream_id) values ($1, $2, $3) on conflict do nothing',
    [enrolmentId, programmeId, streamId],
  );
}

export async function streamOfEnrolment(tx: QueryRunner, enrolmentId: string): Promise<string | undefined> {
  const [row] = await tx.manager.query<CommitmentIndexRow[]>(
    'select stream_id from budget_commitment_index where enrolment_id = $1',
    [enrolmentId],
  );
  return row?.stream_id;
}

export async function streamsOfProgramme(tx: QueryRunner, programmeId: string): Promise<string[]> {
  const rows = await tx.manager.query<CommitmentIndexRow[]>(
    'select distinct stream_id from budget_commitment_index where programme_id = $1 order by stream_id',
    [programmeId],
  );
  return rows.map((r) => r.stream_id);
}
