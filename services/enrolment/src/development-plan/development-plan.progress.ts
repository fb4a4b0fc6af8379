import type { DevelopmentTarget } from '@kompeten/contracts';

export interface Assessed {
  competencyCode: string;
  level: number;
  assessedOn: string;
}

export interface PlanProgress {
  asOf: string;
  jpCredited: number;
  jpRemaining: number;
  targets: (DevelopmentTarget & { assessedLevel: number | null; assessedOn: string | null; reached: boolean })[];
}

/**
 * How far the staff member has come: the JP credited in the plan's year against its target JP, and
 * each target competency's latest assessed level (whenever assessed: a level reached last year still
 * counts) against the target level. A competency never assessed has not reached any level.
 */
export function planProgress(
  plan: { targets: DevelopmentTarget[]; targetJp: number },
  jpCredited: number,
  assessed: Assessed[],
  asOf: string,
): PlanProgress {
  return {
    asOf,
    jpCredited,
    jpRemaining: Math.max(0, plan.targetJp - jpCredited),
    targets: plan.targets.map((t) => {
      const latest = assessed.find((a) => a.competencyCode === t.competencyCode);
      return {
        ...t,
        assessedLevel: latest?.level ?? null,
        assessedOn: latest?.assessedOn ?? null,
        reached: latest !== undefined && latest.level >= t.targetLevel,
      };
    }),
  };
}
