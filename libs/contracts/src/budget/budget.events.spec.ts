import { BUDGET_EVENTS, type CommitmentRejected, waitsForFunds } from './budget.events';

/** Reads `v1` (frozen, as the old release stored it) through the contract's upcasters to its current version. */
const read = (type: string, v1: object) => {
  const contract = BUDGET_EVENTS.find((c) => c.type === type)!;
  let data = v1 as Record<string, unknown>;
  for (let from = 1; from < contract.version; from++)
    data = contract.upcasters!.find((u) => u.fromVersion === from)!.upcast(data) as Record<string, unknown>;
  return data as CommitmentRejected['data'];
};

const V1 = Object.freeze({
  budgetId: '2026-DINKES-APBD',
  enrolmentId: '0193a3c4-0000-7000-8000-00000000e001',
  programmeId: 'kom-efektif-2026',
  nip: '198609262015051001',
  opd: 'DINKES',
  amount: 1_500_000,
  reason: 'allocation-exhausted',
  detail: 'budget 2026-DINKES-APBD: programme-kom-efektif-2026 has 0 free; 1500000 needed',
});

describe('CommitmentRejected v2', () => {
  it('reads a v1 rejection as the first request, with no competency area', () => {
    expect(read('CommitmentRejected', V1)).toEqual({ ...V1, attempt: 1, competencyArea: null });
  });

  it('a v1 rejection never waits in the funds queue (it was recorded before the queue existed)', () => {
    expect(waitsForFunds(read('CommitmentRejected', V1))).toBe(false);
  });

  it('waits in a budget for want of money; not in the no-budget stream, nor in a closed budget', () => {
    const v2 = (over: Partial<CommitmentRejected['data']>): CommitmentRejected['data'] => ({
      ...read('CommitmentRejected', V1),
      competencyArea: 'patient-management',
      ...over,
    });
    expect(waitsForFunds(v2({ reason: 'allocation-exhausted' }))).toBe(true);
    expect(waitsForFunds(v2({ reason: 'no-allocation' }))).toBe(true);
    expect(waitsForFunds(v2({ reason: 'budget-closed' }))).toBe(false);
    expect(waitsForFunds(v2({ reason: 'no-budget', budgetId: null }))).toBe(false);
  });
});

describe('FundsRequestWithdrawn', () => {
  it('is a budget event of its own, with an explicit type string, at version 1', () => {
    expect(BUDGET_EVENTS.find((c) => c.type === 'FundsRequestWithdrawn')).toMatchObject({
      version: 1,
      service: 'budget',
      stream: 'budget-<fiscalYear>-<opd>-<fundingSource>',
    });
  });
});
