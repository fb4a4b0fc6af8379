import type { EventMetadata } from '@kompeten/event-store';

export class DefineCompetencyCommand {
  constructor(
    readonly code: string,
    readonly name: string,
    readonly description: string | null,
    readonly levelDescriptions: string[] | null,
    readonly metadata: EventMetadata,
  ) {}
}
