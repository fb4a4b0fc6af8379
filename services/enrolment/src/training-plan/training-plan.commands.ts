import type { PlanLine } from '@kompeten/contracts';

/** `training-plan-<year>-<opd>`: one stream per OPD and fiscal year; its planId is `<year>-<opd>`. */
export const trainingPlanId = (opd: string, year: number) => `${year}-${opd}`;
export const trainingPlanStreamId = (opd: string, year: number) => `training-plan-${trainingPlanId(opd, year)}`;

/** A plan line as the officer gives it: the decider computes estimatedRupiah. */
export type PlanLineInput = Omit<PlanLine, 'estimatedRupiah'>;

/**
 * Everything an OPD's training plan can be asked. Steps after the draft name the revision they were
 * made on: a plan that has changed since is refused, never silently overwritten or approved unseen.
 * Handlers fill in the city's today — the decider reads no clock.
 */
export type TrainingPlanCommand = { opd: string; year: number } & (
  | { type: 'DraftTrainingPlan'; lines: PlanLineInput[]; proposedAsOf: string | null }
  | { type: 'ReviseTrainingPlan'; revision: number; lines: PlanLineInput[]; note: string | null }
  | { type: 'SubmitTrainingPlan'; revision: number; today: string }
  | { type: 'ReturnTrainingPlan'; revision: number; reason: string; today: string }
  | { type: 'ApproveTrainingPlan'; revision: number; today: string }
);
