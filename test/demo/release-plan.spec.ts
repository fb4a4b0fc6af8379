import { fiscalYearOf } from '@kompeten/domain';
import { SERVICE_UNITS } from '../../tools/demo/src/city/bukittinggi.city';
import { isWeekend } from '../../tools/demo/src/plan/calendar';
import { awayLimit, describeReleases, ReleasePlan } from '../../tools/demo/src/plan/release.plan';
import { planScenario } from '../../tools/demo/src/plan/scenario.plan';
import { SIZES } from '../../tools/demo/src/scenario-sizes';

const TODAY = '2026-11-30';
const plans = {
  tiny: planScenario(1, SIZES.tiny, TODAY),
  small: planScenario(1, SIZES.small, TODAY),
  large: planScenario(1, SIZES.large, TODAY),
};
const all = Object.entries(plans);
const released = (r: ReleasePlan) => r.requests.filter((x) => x.decision.kind !== 'decline');
const declinedFor = (r: ReleasePlan, reason: string, unit?: string) =>
  r.requests.filter(
    (x) => x.decision.kind === 'decline' && x.decision.reason === reason && (!unit || x.workUnit.serviceUnit === unit),
  );

describe('the demo’s release by the unit head (plan)', () => {
  it('sets a continuity rule for every puskesmas: at most 2 a day at the busiest, 30 % (at most 3) elsewhere', () => {
    for (const [, { releases: r, staff }] of all) {
      const puskesmas = SERVICE_UNITS.filter((u) => u.kind === 'puskesmas').map((u) => u.code);
      expect(r.rules.map((x) => x.serviceUnit)).toEqual(puskesmas);
      for (const rule of r.rules) {
        expect(rule.headcount).toBe(staff.filter((s) => s.workUnit.serviceUnit === rule.serviceUnit).length);
        expect(rule.limit).toBe(awayLimit(rule, rule.headcount));
        expect(rule.limit).toBeGreaterThan(0);
      }
      expect(r.rules.find((x) => x.serviceUnit === r.busiest)).toMatchObject({ maxAwayCount: 2, maxAwayShare: null });
    }
    // The lower of the two wins: 30 % of 5 staff is 1, of 40 staff 12 — capped at 3.
    expect(awayLimit({ maxAwayCount: 3, maxAwayShare: 0.3 }, 5)).toBe(1);
    expect(awayLimit({ maxAwayCount: 3, maxAwayShare: 0.3 }, 40)).toBe(3);
  });

  it('names the puskesmas serving the most citizens the busiest, where the head declines a few for workload', () => {
    for (const [, { releases: r }] of all) {
      expect(r.busiest).toBe('PUSKESMAS-PLUS-MANDIANGIN');
      const workload = declinedFor(r, 'workload-no-cover', r.busiest);
      expect(workload.length).toBeGreaterThanOrEqual(2);
      expect(workload.length).toBeLessThanOrEqual(4);
      expect(declinedFor(r, 'service-continuity', r.busiest)).toHaveLength(1);
      // Workload declines only there: the report's hotspot is the busiest puskesmas.
      expect(declinedFor(r, 'workload-no-cover')).toEqual(workload);
      // The busiest releases as many as its rule allows, the first one nominated by the head.
      const ours = released(r).filter((x) => x.workUnit.serviceUnit === r.busiest);
      expect(ours.map((x) => x.decision.kind)).toEqual(['nominate', 'approve']);
    }
  });

  it('never releases more of a unit on one day than its rule allows, nor anyone twice on one day', () => {
    for (const [, { releases: r }] of all) {
      const daysOf = new Map(r.programmes.map((p) => [p.programmeId, p.sessions.map((s) => s.date)]));
      const away = new Map<string, Set<string>>();
      for (const x of released(r))
        for (const date of daysOf.get(x.programmeId)!) {
          const key = `${x.workUnit.serviceUnit}@${date}`;
          const who = away.get(key) ?? new Set<string>();
          expect(who.has(x.nip)).toBe(false);
          away.set(key, who.add(x.nip));
        }
      for (const [key, who] of away) {
        const rule = r.rules.find((x) => x.serviceUnit === key.split('@')[0])!;
        expect(who.size).toBeLessThanOrEqual(rule.limit);
      }
      // Each staff member is decided on once per programme.
      expect(new Set(r.requests.map((x) => `${x.programmeId}:${x.nip}`)).size).toBe(r.requests.length);
    }
  });

  it('releases each with a surat tugas numbered as the puskesmas numbers its letters, dated after the request', () => {
    for (const [, { releases: r, timeline }] of all) {
      const numbers = new Set<string>();
      for (const x of r.requests) {
        if (x.decision.kind === 'decline') expect(x.suratTugas).toBeNull();
        else {
          expect(x.suratTugas!.number).toMatch(/^800\/\d{3}\/PKM-[A-Z]{2,3}\/2026$/);
          expect(isWeekend(x.suratTugas!.date)).toBe(false);
          expect(x.suratTugas!.date <= timeline.today).toBe(true);
          numbers.add(x.suratTugas!.number);
        }
        // Nominated by the head (enrolled by the nomination itself), or asked a few working days before.
        if (x.decision.kind === 'nominate') expect(x.requestedOn).toBeNull();
        else {
          expect(x.requestedOn! < timeline.today).toBe(true);
          expect(isWeekend(x.requestedOn!)).toBe(false);
        }
      }
      expect(numbers.size).toBe(released(r).length);
      expect(released(r).filter((x) => x.decision.kind === 'nominate').length).toBeGreaterThan(1);
      expect(released(r).filter((x) => x.decision.kind === 'approve').length).toBeGreaterThan(1);
    }
  });

  it('schedules the programmes ahead on working days with times and a venue or a link, in the year they are charged to', () => {
    for (const [, plan] of all) {
      const days = plan.releases.programmes.flatMap((p) => p.sessions.map((s) => s.date));
      expect(new Set(days).size).toBe(days.length); // no two programmes share a day
      for (const p of plan.releases.programmes) {
        expect(p.fiscalYear).toBe(fiscalYearOf(p.sessions[0].date));
        expect(p.capacity).toBe(plan.releases.requests.filter((x) => x.programmeId === p.programmeId).length + 2);
        for (const s of p.sessions) {
          expect(s.date > plan.timeline.today).toBe(true);
          expect(isWeekend(s.date)).toBe(false);
          expect(s.startTime < s.endTime).toBe(true);
          expect(Boolean(s.venue || s.onlineUrl)).toBe(true);
          expect(s.trainer).toBeTruthy();
        }
        const budget = plan.budgets.find((b) => b.fiscalYear === p.fiscalYear && b.opd === 'DINKES')!;
        expect(budget.allocations).toContainEqual({
          programmeId: p.programmeId,
          amount:
            plan.releases.requests.filter((x) => x.programmeId === p.programmeId).length * p.spec.costPerParticipant,
        });
        expect(budget.ceiling).toBeGreaterThanOrEqual(budget.allocations.reduce((s, a) => s + a.amount, 0));
      }
    }
  });

  it('opens next year’s budget for a programme that starts in January, planned in December', () => {
    const december = planScenario(1, SIZES.tiny, '2026-12-20');
    const january = december.releases.programmes.filter((p) => p.fiscalYear === 2027);
    expect(january.length).toBeGreaterThan(0);
    const next = december.budgets.filter((b) => b.fiscalYear === 2027);
    expect(next.map((b) => b.opd)).toEqual(['DINKES']);
    expect(next[0].allocations.map((a) => ('programmeId' in a ? a.programmeId : a.competencyArea))).toEqual(
      january.map((p) => p.programmeId),
    );
  });

  it('is the same for the same seed, and renames every code in a tagged run', () => {
    expect(JSON.stringify(planScenario(1, SIZES.tiny, TODAY).releases)).toBe(JSON.stringify(plans.tiny.releases));
    const tagged = planScenario(1, SIZES.tiny, TODAY, 'T9').releases;
    expect(tagged.busiest).toBe('PUSKESMAS-PLUS-MANDIANGIN-T9');
    expect(tagged.rules.every((x) => x.opd === 'DINKES-T9' && x.serviceUnit.endsWith('-T9'))).toBe(true);
    expect(tagged.programmes.every((p) => p.programmeId.endsWith('-t9') && p.spec.fundingOpd === 'DINKES-T9')).toBe(
      true,
    );
    expect(tagged.requests.every((x) => x.workUnit.opd === 'DINKES-T9')).toBe(true);
    expect(describeReleases(tagged.requests)).toBe(describeReleases(plans.tiny.releases.requests));
  });
});
