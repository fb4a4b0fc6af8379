import { Command } from '@nestjs/cqrs';
import type { CompetencyEvent } from '@kompeten/contracts';
import type { EventMetadata, HandleResult } from '@kompeten/event-store';

export class DefineCompetencyCommand extends Command<HandleResult<CompetencyEvent>> {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly description: string | null,
    readonly levelDescriptions: string[] | null,
    readonly metadata: EventMetadata,
  ) {
    super();
  }
}
