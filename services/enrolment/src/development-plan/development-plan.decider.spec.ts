import type { DevelopmentPlanEvent } from '@kompeten/contracts';
import { givenEvents, refusalOf } from '@kompeten/domain';
import type { DevelopmentPlanCommand } from './development-plan.commands';
import { developmentPlanDecider } from './development-plan.decider';

const given = (...events: DevelopmentPlanEvent[]) => givenEvents(developmentPlanDecider, events);
const NIP = '198609262015051001';
const TARGETS = [
  { competencyCode: 'komunikasi', targetLevel: 3 },
  { competencyCode: 'patient-management', targetLevel: 4 },
];

const propose = (over: Partial<Extract<DevelopmentPlanCommand, { type: 'ProposeDevelopmentPlan' }>> = {}) =>
  ({
    type: 'ProposeDevelopmentPlan',
    nip: NIP,
    year: 2026,
    targets: TARGETS,
    targetJp: 24,
    note: null,
    staffActive: true,
    today: '2026-01-12',
    ...over,
  }) satisfies DevelopmentPlanCommand;
const agree = (
  revision: number,
  over: Partial<Extract<DevelopmentPlanCommand, { type: 'AgreeDevelopmentPlan' }>> = {},
) =>
  ({
    type: 'AgreeDevelopmentPlan',
    nip: NIP,
    year: 2026,
    revision,
    opd: 'DINKES',
    staffOpd: 'DINKES',
    today: '2026-01-19',
    ...over,
  }) satisfies DevelopmentPlanCommand;
const proposed = (revision: number, targetJp = 24): DevelopmentPlanEvent => ({
  type: 'DevelopmentPlanProposed',
  data: { nip: NIP, year: 2026, revision, targets: TARGETS, targetJp, note: null, proposedOn: '2026-01-12' },
});
const agreed = (revision: number): DevelopmentPlanEvent => ({
  type: 'DevelopmentPlanAgreed',
  data: { nip: NIP, year: 2026, revision, agreedOn: '2026-01-19' },
});

const refusal = refusalOf;

describe('proposing a development plan', () => {
  it('given no plan, when the staff member proposes one, then it is revision 1', () => {
    expect(given().when(propose())).toEqual([proposed(1)]);
  });
  it('given an agreed plan, a new proposal is the next revision and awaits agreement again', () => {
    const events = [proposed(1), agreed(1)];
    expect(given(...events).when(propose({ targetJp: 32 }))).toEqual([proposed(2, 32)]);
    expect(given(...events, proposed(2, 32)).state).toMatchObject({ status: 'proposed', agreedRevision: 1 });
  });
  it('the same targets, JP and note again append nothing (a resend), whatever the order of the stored keys', () => {
    const stored: DevelopmentPlanEvent = {
      type: 'DevelopmentPlanProposed',
      data: {
        ...(proposed(1).data as Extract<DevelopmentPlanEvent, { type: 'DevelopmentPlanProposed' }>['data']),
        targets: TARGETS.map(({ competencyCode, targetLevel }) => ({ targetLevel, competencyCode })),
      },
    };
    expect(given(stored).when(propose())).toEqual([]);
  });
  it('names a competency set twice as targets[i].competencyCode', () => {
    const twice = [...TARGETS, { competencyCode: 'komunikasi', targetLevel: 5 }];
    expect(refusal(() => given().when(propose({ targets: twice })))).toMatchObject({
      kind: 'invalid',
      extensions: { errors: [expect.objectContaining({ field: 'targets[2].competencyCode' })] },
    });
  });
  it('refuses a year already over, and a staff member who has left', () => {
    expect(refusal(() => given().when(propose({ year: 2025 }))).extensions).toMatchObject({
      errors: [expect.objectContaining({ field: 'year' })],
    });
    expect(refusal(() => given().when(propose({ staffActive: false }))).slug).toBe('staff-left');
  });
});

describe('the head agreeing to a revision', () => {
  it('given revision 1 proposed, when the head agrees to it, then it is agreed', () => {
    expect(given(proposed(1)).when(agree(1))).toEqual([agreed(1)]);
  });
  it('agreeing to the agreed revision again appends nothing', () => {
    expect(given(proposed(1), agreed(1)).when(agree(1))).toEqual([]);
  });
  it('a revision that has since changed is refused with 409 and the current revision', () => {
    expect(refusal(() => given(proposed(1), proposed(2, 32)).when(agree(1)))).toMatchObject({
      kind: 'conflict',
      slug: 'development-plan-revision-changed',
      extensions: { currentRevision: 2, currentState: 'proposed' },
    });
  });
  it('the head of another OPD is refused with 403 staff-of-another-unit, before anything about the plan', () => {
    expect(refusal(() => given().when(agree(1, { opd: 'DINSOS' })))).toMatchObject({
      kind: 'forbidden',
      slug: 'staff-of-another-unit',
    });
  });
  it('no plan for the year: 404', () => {
    expect(refusal(() => given().when(agree(1))).kind).toBe('not-found');
  });
});
