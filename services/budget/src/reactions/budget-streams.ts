import type { QueryRunner } from 'typeorm';
import { type BudgetEvent, waitsForFunds } from '@kompeten/contracts';
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
 * Reads budget streams through the caller's own transaction, not the pool: after a conflicting
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
 * Read → decide → append at the version read, inside the caller's transaction (a consumer's, or an
 * HTTP command's). A conflict means another writer committed to that stream in between: read and
 * decide again. The failed append already holds the head lock, so nobody can append before our
 * retry: it succeeds the second time. With `expectedVersion` (If-Match) there is no retry: the
 * client decided on what it saw, and a conflict is its 409.
 * Whatever the decision committed or put in a queue is indexed in the same transaction.
 */
export async function appendDecision(
  store: EventStore,
  tx: QueryRunner,
  metadata: EventMetadata,
  decide: () => Promise<Decision>,
  expectedVersion?: number,
): Promise<StoredEvent<BudgetEvent>[]> {
  for (let attempt = 1; ; attempt++) {
    const { candidate, events } = await decide();
    if (expectedVersion !== undefined && candidate.version !== expectedVersion)
      throw new WrongExpectedVersionError(candidate.streamId, expectedVersion, candidate.version);
    if (events.length === 0) return [];
    try {
      const appended = await store.append<BudgetEvent>(
        candidate.streamId,
        candidate.version,
        events.map(({ type, data }) => ({ type, data })),
        metadata,
        tx,
      );
      await indexAnswers(tx, appended);
      return appended;
    } catch (e) {
      if (!(e instanceof WrongExpectedVersionError) || expectedVersion !== undefined || attempt >= 5) throw e;
    }
  }
}

/** A row of either index (QueryRunner.query answers `any`: the callers below state the row type). */
interface IndexRow {
  stream_id: string;
}

/**
 * Releases, withdrawals, cancellations and completions name only the enrolment (or programme), not
 * the unit and year that answered it; two indexes answer that, written in the same transaction as
 * the events they point to — a projection would lag, and a release read from a lagging table could
 * miss a commitment made a moment before. `budget_commitment_index`: the stream of an enrolment's
 * latest commitment. `budget_request_index`: the stream where its latest rejected request waits
 * (or, funding by need, where it is held for its window).
 */
async function indexAnswers(tx: QueryRunner, appended: StoredEvent<BudgetEvent>[]) {
  for (const { streamId, type, data } of appended) {
    const e = { type, data } as BudgetEvent;
    if (e.type === 'FundsCommitted') await upsert(tx, 'budget_commitment_index', e.data, streamId);
    // A request held for its funding window (by-need) leaves like a waiting one: the same index finds it.
    if ((e.type === 'CommitmentRejected' && waitsForFunds(e.data)) || e.type === 'FundsRequestQueued')
      await upsert(tx, 'budget_request_index', e.data, streamId);
  }
}

const upsert = (
  tx: QueryRunner,
  table: 'budget_commitment_index' | 'budget_request_index',
  d: { enrolmentId: string; programmeId: string },
  streamId: string,
) =>
  tx.query(
    `insert into ${table} (enrolment_id, programme_id, stream_id) values ($1, $2, $3)
     on conflict (enrolment_id) do update set programme_id = excluded.programme_id, stream_id = excluded.stream_id`,
    [d.enrolmentId, d.programmeId, streamId],
  );

/** The streams that may hold an enrolment's commitment or waiting request (at most two). */
export async function streamsOfEnrolment(tx: QueryRunner, enrolmentId: string): Promise<string[]> {
  const rows = await tx.manager.query<IndexRow[]>(
    `select stream_id from budget_commitment_index where enrolment_id = $1
     union select stream_id from budget_request_index where enrolment_id = $1 order by stream_id`,
    [enrolmentId],
  );
  return rows.map((r) => r.stream_id);
}

/** Every stream holding a commitment or a waiting request of the programme. */
export async function streamsOfProgramme(tx: QueryRunner, programmeId: string): Promise<string[]> {
  const rows = await tx.manager.query<IndexRow[]>(
    `select stream_id from budget_commitment_index where programme_id = $1
     union select stream_id from budget_request_index where programme_id = $1 order by stream_id`,
    [programmeId],
  );
  return rows.map((r) => r.stream_id);
}

/** The stream of the enrolment's latest commitment (where a completion is paid from). */
export async function streamOfCommitment(tx: QueryRunner, enrolmentId: string): Promise<string | undefined> {
  const [row] = await tx.manager.query<IndexRow[]>(
    'select stream_id from budget_commitment_index where enrolment_id = $1',
    [enrolmentId],
  );
  return row?.stream_id;
}
