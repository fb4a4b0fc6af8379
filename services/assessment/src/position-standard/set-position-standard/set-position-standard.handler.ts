import { accepted, setPositionStandard } from '@kompeten/api';
import { EventStore, handleCommand } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { competencyExists } from '../../competency/competency-exists';
import { positionStandardDecider, positionStandardStreamId } from '../position-standard.decider';
import { positionKey } from '../required-level';

@Handles(setPositionStandard)
export class SetPositionStandardHandler implements UseCaseHandler<typeof setPositionStandard> {
  constructor(private readonly store: EventStore) {}

  async handle({ body, metadata, expectedVersion }: UseCaseRequest<typeof setPositionStandard>) {
    const requirements = body.requirements.map(({ competencyCode, level }) => ({ competencyCode, level }));
    const codes = [...new Set(requirements.map((r) => r.competencyCode))];
    const known = await Promise.all(codes.map((code) => competencyExists(this.store, code)));
    const key = positionKey(body.position);
    const streamId = positionStandardStreamId(key);
    const result = await handleCommand(
      this.store,
      positionStandardDecider,
      streamId,
      {
        type: 'SetPositionStandard',
        positionKey: key,
        position: body.position,
        requirements,
        unknownCodes: codes.filter((_, i) => !known[i]),
      },
      metadata,
      { expectedVersion },
    );
    return accepted(streamId, result);
  }
}
