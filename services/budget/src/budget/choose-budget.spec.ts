import type { BudgetEvent } from '@kompeten/contracts';
import { fold } from '@kompeten/event-store';
import type { CommitmentRequest } from './budget.commands';
import { budgetDecider } from './budget.decider';
import { BudgetCandidate, chooseBudget } from './choose-budget';

const budget = (source: string, ...allocations: [string, number][]): BudgetCandidate => {
  const budgetId = `2026-DINKES-${source}`;
  const events: BudgetEvent[] = [
    {
      type: 'BudgetOpened',
      data: { budgetId, fiscalYear: 2026, opd: 'DINKES', fundingSource: source as 'APBD', ceiling: 100_000_000 },
    },
    ...allocations.map(([target, amount]): BudgetEvent => ({
      type: 'FundsAllocated',
      data: {
        budgetId,
        allocationId: target,
        amount,
        target: target.startsWith('programme-')
          ? { kind: 'programme', programmeId: target.slice(10) }
          : { kind: 'competency-area', competencyArea: target.slice(5) },
      },
    })),
  ];
  return { streamId: `budget-${budgetId}`, state: fold(budgetDecider, events), version: events.length };
};
const none: BudgetCandidate = { streamId: 'budget-rejections-2026-DINKES', state: fold(budgetDecider, []), version: 0 };
const request: CommitmentRequest = {
  enrolmentId: 'e1',
  attempt: 1,
  programmeId: 'kom-2026',
  nip: 'n',
  opd: 'DINKES',
  fiscalYear: 2026,
  competencyArea: 'patient-management',
  amount: 1_000_000,
  need: null,
  requestedOn: '2026-03-02',
};

describe('choosing which of a unit’s budgets pays', () => {
  it('prefers a programme allocation in any budget over an area allocation in an earlier one', () => {
    const choice = chooseBudget(
      [budget('APBD', ['area-patient-management', 5_000_000]), budget('DAK', ['programme-kom-2026', 5_000_000])],
      none,
      request,
    );
    expect(choice.candidate.streamId).toBe('budget-2026-DINKES-DAK');
    expect(choice.events[0]).toMatchObject({ type: 'FundsCommitted', data: { allocationId: 'programme-kom-2026' } });
  });
  it('uses the first funding source when several fit equally', () => {
    const choice = chooseBudget(
      [budget('APBD', ['area-patient-management', 5_000_000]), budget('APBN', ['area-patient-management', 5_000_000])],
      none,
      request,
    );
    expect(choice.candidate.streamId).toBe('budget-2026-DINKES-APBD');
  });
  it('when nothing fits, answers with the most telling reason (exhausted before no allocation)', () => {
    const choice = chooseBudget([budget('APBD'), budget('APBN', ['area-patient-management', 999_999])], none, request);
    expect(choice.candidate.streamId).toBe('budget-2026-DINKES-APBN');
    expect(choice.events[0]).toMatchObject({ type: 'CommitmentRejected', data: { reason: 'allocation-exhausted' } });
  });
  it('puts the rejection in the unit’s rejection stream when the unit has no budget', () => {
    const choice = chooseBudget([], none, request);
    expect(choice.candidate.streamId).toBe('budget-rejections-2026-DINKES');
    expect(choice.events[0]).toMatchObject({
      type: 'CommitmentRejected',
      data: { reason: 'no-budget', budgetId: null },
    });
  });
  it('answers nothing for an enrolment any of the streams answered before', () => {
    const rejected = fold(budgetDecider, budgetDecider.decide({ type: 'CommitFunds', ...request }, none.state));
    const choice = chooseBudget(
      [budget('APBD', ['programme-kom-2026', 5_000_000])],
      { ...none, state: rejected, version: 1 },
      request,
    );
    expect(choice).toMatchObject({ candidate: { streamId: 'budget-rejections-2026-DINKES' }, events: [] });
  });
  it('decides a re-request (the next attempt) again: a budget opened since the no-budget rejection pays it', () => {
    const rejected = fold(budgetDecider, budgetDecider.decide({ type: 'CommitFunds', ...request }, none.state));
    const choice = chooseBudget(
      [budget('APBD', ['programme-kom-2026', 5_000_000])],
      { ...none, state: rejected, version: 1 },
      { ...request, attempt: 2 },
    );
    expect(choice.candidate.streamId).toBe('budget-2026-DINKES-APBD');
    expect(choice.events).toMatchObject([{ type: 'FundsCommitted', data: { enrolmentId: 'e1' } }]);
  });
  it('answers nothing when another year’s budget already holds a commitment for the enrolment', () => {
    const lastYear = budget('APBD', ['programme-kom-2026', 5_000_000]);
    const committed = budgetDecider.decide({ type: 'CommitFunds', ...request }, lastYear.state);
    const holding = { ...lastYear, state: committed.reduce((x, e) => budgetDecider.evolve(x, e), lastYear.state) };
    const choice = chooseBudget([budget('DAK', ['programme-kom-2026', 5_000_000])], none, { ...request, attempt: 2 }, [
      holding,
    ]);
    expect(choice.events).toEqual([]);
  });
});

describe('choosing among budgets when one funds by need', () => {
  const byNeed = (c: BudgetCandidate): BudgetCandidate => {
    const set = budgetDecider.decide(
      { type: 'SetFundingPolicy', mode: 'by-need', windowDays: 7, windowsFrom: '2026-03-02', today: '2026-03-02' },
      c.state,
    );
    return { ...c, state: set.reduce((x, e) => budgetDecider.evolve(x, e), c.state), version: c.version + set.length };
  };
  it('a budget that pays now beats one that would hold the request for its window', () => {
    const choice = chooseBudget(
      [
        byNeed(budget('APBD', ['programme-kom-2026', 5_000_000])),
        budget('APBN', ['area-patient-management', 5_000_000]),
      ],
      none,
      request,
    );
    expect(choice.events[0]).toMatchObject({
      type: 'FundsCommitted',
      data: { allocationId: 'area-patient-management' },
    });
  });
  it('holding it for a window with an allocation that may pay beats waiting behind an exhausted one', () => {
    const choice = chooseBudget(
      [budget('APBD', ['area-patient-management', 999_999]), byNeed(budget('APBN', ['area-patient-management', 1]))],
      none,
      request,
    );
    expect(choice.candidate.streamId).toBe('budget-2026-DINKES-APBN');
    expect(choice.events[0]).toMatchObject({ type: 'FundsRequestQueued', data: { decideOn: '2026-03-09' } });
  });
  it('a by-need budget with no allocation for it is no better than no allocation', () => {
    const choice = chooseBudget(
      [byNeed(budget('APBD')), budget('APBN', ['area-patient-management', 1])],
      none,
      request,
    );
    expect(choice.events[0]).toMatchObject({ type: 'CommitmentRejected', data: { reason: 'allocation-exhausted' } });
  });
  it('answers nothing for a request a by-need budget already holds (a redelivery)', () => {
    const apbd = byNeed(budget('APBD', ['area-patient-management', 1]));
    const held = budgetDecider.decide({ type: 'CommitFunds', ...request }, apbd.state);
    const holding = { ...apbd, state: held.reduce((x, e) => budgetDecider.evolve(x, e), apbd.state) };
    expect(chooseBudget([holding], none, request)).toMatchObject({ candidate: holding, events: [] });
  });
});
