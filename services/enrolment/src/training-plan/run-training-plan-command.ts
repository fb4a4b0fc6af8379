import type { DataSource } from 'typeorm';
import type { PlanLineInputDto } from '@kompeten/api';
import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { unknownCompetencies } from '../planning/known-competency';
import type { PlanLineInput, TrainingPlanCommand } from './training-plan.commands';
import { trainingPlanStreamId } from './training-plan.commands';
import { trainingPlanDecider } from './training-plan.decider';
import { planProblems } from './training-plan.problems';

/** Every training plan use case ends here: load the OPD's plan for the year, decide, append. */
export async function runTrainingPlanCommand(store: EventStore, command: TrainingPlanCommand, metadata: EventMetadata) {
  const streamId = trainingPlanStreamId(command.opd, command.year);
  return { streamId, result: await handleCommand(store, trainingPlanDecider, streamId, command, metadata) };
}

/**
 * The request's lines as the decider takes them, once the city knows every competency they name
 * (a read model, so here and not in the decider): each unknown one is a 400 naming its line.
 */
export async function planLineInputs(db: DataSource, lines: PlanLineInputDto[]): Promise<PlanLineInput[]> {
  const unknown = new Set(
    await unknownCompetencies(
      db,
      lines.map((l) => l.competencyArea),
    ),
  );
  const errors = lines.flatMap((l, i) =>
    unknown.has(l.competencyArea)
      ? [{ field: `lines[${i}].competencyArea`, message: `${l.competencyArea} is not a competency the city knows` }]
      : [],
  );
  if (errors.length) throw planProblems.invalidFields(errors);
  return lines.map((l) => ({
    lineId: l.lineId,
    competencyArea: l.competencyArea,
    source: l.source,
    priority: l.priority,
    quarter: l.quarter ?? null,
    form: l.form,
    headCount: l.headCount,
    people: l.people ?? [],
    jpPerPerson: l.jpPerPerson,
    costPerJp: l.costPerJp,
    rationale: l.rationale ?? '',
  }));
}
