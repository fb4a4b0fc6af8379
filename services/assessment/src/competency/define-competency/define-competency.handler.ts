import { accepted, defineCompetency } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { competencyDecider, competencyStreamId } from '../competency.decider';

@Handles(defineCompetency)
export class DefineCompetencyHandler implements UseCaseHandler<typeof defineCompetency> {
  constructor(private readonly store: EventStore) {}

  async handle({ body, metadata }: UseCaseRequest<typeof defineCompetency>) {
    const streamId = competencyStreamId(body.code);
    const result = await handleCommand(
      this.store,
      competencyDecider,
      streamId,
      {
        type: 'DefineCompetency',
        code: body.code,
        name: body.name,
        description: body.description ?? null,
        levelDescriptions: body.levelDescriptions ?? null,
      },
      metadata,
    );
    return accepted(streamId, result);
  }
}
