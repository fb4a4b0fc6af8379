import type { EventStore, NewEvent } from '@kompeten/event-store';
import { meta, nipOf } from './enrolment-log';

/** Object mothers for the budget service's events (libs/contracts/src/budget). */
export const BUDGET = 'budget-2026-DINKES-APBD';

export async function openBudget(store: EventStore, ceiling = 100_000_000): Promise<void> {
  await store.append(
    BUDGET,
    'no-stream',
    [
      {
        type: 'BudgetOpened',
        data: { budgetId: BUDGET, fiscalYear: 2026, opd: 'DINKES', fundingSource: 'APBD', ceiling },
      },
      {
        type: 'FundsAllocated',
        data: {
          budgetId: BUDGET,
          allocationId: 'alloc-1',
          target: { kind: 'programme', programmeId: 'komunikasi' },
          amount: 20_000_000,
        },
      },
    ],
    meta('open-budget'),
  );
}

const enrolmentId = (i: number) => `enr-komunikasi-${i}`;

export const committed = (i: number): NewEvent => ({
  type: 'FundsCommitted',
  data: {
    budgetId: BUDGET,
    allocationId: 'alloc-1',
    commitmentId: `cmt-${i}`,
    enrolmentId: enrolmentId(i),
    programmeId: 'komunikasi',
    nip: nipOf(i),
    opd: 'DINKES',
    amount: 1_750_000,
  },
});
export const rejected = (i: number): NewEvent => ({
  type: 'CommitmentRejected',
  data: {
    budgetId: BUDGET,
    enrolmentId: enrolmentId(i),
    programmeId: 'komunikasi',
    nip: nipOf(i),
    opd: 'DINKES',
    amount: 1_750_000,
    reason: 'allocation-exhausted',
    detail: 'sisa alokasi tidak cukup',
    attempt: 1,
    competencyArea: null,
  },
});
export const released = (i: number): NewEvent => ({
  type: 'FundsReleased',
  data: {
    budgetId: BUDGET,
    allocationId: 'alloc-1',
    commitmentId: `cmt-${i}`,
    enrolmentId: enrolmentId(i),
    amount: 1_750_000,
    reason: 'withdrawn',
  },
});
export const spent = (i: number, amount = 1_700_000): NewEvent => ({
  type: 'ExpenditureRecorded',
  data: {
    budgetId: BUDGET,
    allocationId: 'alloc-1',
    commitmentId: `cmt-${i}`,
    enrolmentId: enrolmentId(i),
    programmeId: 'komunikasi',
    nip: nipOf(i),
    committed: 1_750_000,
    amount,
    jp: 24,
  },
});

export async function onBudget(store: EventStore, events: NewEvent[], correlationId: string): Promise<void> {
  await store.append(BUDGET, 'any', events, meta(correlationId));
}

/** An assessment result (libs/contracts/src/assessment) for a staff member's post-assessment. */
export const assessed = (i: number): NewEvent => ({
  type: 'AssessmentRecorded',
  data: {
    assessmentId: `asm-${i}`,
    nip: nipOf(i),
    kind: 'post',
    competencyCode: 'pelayanan-kesehatan',
    enrolmentId: enrolmentId(i),
    programmeId: 'komunikasi',
    assessor: 'user:assessor',
    method: 'test',
    score: 70 + i,
    level: 3,
    assessedOn: '2026-03-20',
    dueOn: '2026-03-25',
    late: false,
    learningGain: 1,
  },
});
