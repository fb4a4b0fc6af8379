import type { DevelopmentPlanEvent, DevelopmentTarget } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { DevelopmentPlanCommand } from './development-plan.commands';
import { developmentPlanProblems as problems } from './development-plan.problems';
import {
  evolveDevelopmentPlan,
  initialDevelopmentPlanState,
  type DevelopmentPlanState,
} from './development-plan.state';

type Propose = Extract<DevelopmentPlanCommand, { type: 'ProposeDevelopmentPlan' }>;

/** Each competency once: two targets for one competency would contradict each other. */
function checkTargets(targets: DevelopmentTarget[]) {
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.competencyCode))
      throw problems.invalid(`targets[${i}].competencyCode`, `${t.competencyCode} is already a target`);
    seen.add(t.competencyCode);
  });
}

/** A resend of the current revision (same targets in the same order, JP and note) is not a new revision. */
const sameAsCurrent = (s: DevelopmentPlanState, c: Propose) =>
  s.status !== 'none' &&
  s.targetJp === c.targetJp &&
  s.note === c.note &&
  s.targets.length === c.targets.length &&
  // Field by field: the stored event's JSON (jsonb) does not keep the order of keys.
  s.targets.every(
    (t, i) => t.competencyCode === c.targets[i].competencyCode && t.targetLevel === c.targets[i].targetLevel,
  );

/**
 * A staff member's development plan for a year: proposals (each a new revision) and the head's
 * agreement to a named revision. An agreement names the revision it read, so a head never agrees
 * to targets they were not shown; agreeing to the agreed revision again appends nothing.
 */
export const developmentPlanDecider: Decider<DevelopmentPlanCommand, DevelopmentPlanState, DevelopmentPlanEvent> = {
  initialState: initialDevelopmentPlanState,
  evolve: evolveDevelopmentPlan,

  decide(c, s) {
    switch (c.type) {
      case 'ProposeDevelopmentPlan': {
        if (!c.staffActive) throw problems.staffLeft(c.nip);
        // A plan guides the year ahead: a year already over is not planned any more.
        if (c.year < Number(c.today.slice(0, 4)))
          throw problems.invalid('year', `${c.year} is over (the city's today is ${c.today})`);
        checkTargets(c.targets);
        if (sameAsCurrent(s, c)) return [];
        const { nip, year, targets, targetJp, note, today } = c;
        return [
          {
            type: 'DevelopmentPlanProposed',
            data: { nip, year, revision: s.revision + 1, targets, targetJp, note, proposedOn: today },
          },
        ];
      }
      case 'AgreeDevelopmentPlan': {
        // Checked first: a head of another OPD learns nothing about the plan, not even that it exists.
        if (c.staffOpd !== c.opd) throw problems.otherUnit(c.nip, c.staffOpd, c.opd);
        if (s.status === 'none') throw problems.notFound(c.nip, c.year);
        if (c.revision !== s.revision) throw problems.stale(s, c.revision);
        if (s.status === 'agreed') return [];
        return [
          {
            type: 'DevelopmentPlanAgreed',
            data: { nip: c.nip, year: c.year, revision: c.revision, agreedOn: c.today },
          },
        ];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
