import type { DomainEvent, HandleResult } from '@kompeten/event-store';
import type { CommandAcceptedBody } from '../use-case/schema';

/** A command's answer from what it appended (the service also sends `version` as the ETag). */
export function accepted<E extends DomainEvent>(streamId: string, result: HandleResult<E>): CommandAcceptedBody {
  return { streamId, version: result.version, events: result.events.map((e) => e.type) };
}
