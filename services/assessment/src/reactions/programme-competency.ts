import type { QueryRunner } from 'typeorm';
import type { CompetencyType } from '@kompeten/contracts';
import { EventMetadata, EventStore, handleCommand } from '@kompeten/event-store';
import { competencyForProgramme } from '../competency/competency-code';
import { competencyDecider, competencyStreamId } from '../competency/competency.decider';

/**
 * The competency a programme's assessments measure (see competencyForProgramme); a teknis one the
 * dictionary lacks is created on demand, in the reaction's transaction. Null: nothing to assess.
 */
export async function competencyOfProgramme(
  store: EventStore,
  tx: QueryRunner,
  competencyType: CompetencyType,
  competencyArea: string,
  metadata: EventMetadata,
): Promise<string | null> {
  const code = competencyForProgramme(competencyType, competencyArea);
  if (code && competencyType === 'teknis') {
    await handleCommand(
      store,
      competencyDecider,
      competencyStreamId(code),
      { type: 'DefineCompetencyForArea', code, competencyArea },
      metadata,
      { tx },
    );
  }
  return code;
}
