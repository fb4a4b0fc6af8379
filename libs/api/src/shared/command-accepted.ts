import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DomainEvent, HandleResult } from '@kompeten/event-store';

/** What every command answers: the stream, its new version (also the ETag) and what happened. */
export class CommandAccepted {
  @ApiProperty({ example: 'programme-kom-efektif-2026' }) streamId: string;
  @ApiProperty({ example: 3, description: 'Send back as If-Match to update only what you saw' }) version: number;
  @ApiProperty({
    example: ['StaffEnrolled'],
    description: 'Event types appended (empty when the command changed nothing)',
  })
  events: string[];
}

export function accepted<E extends DomainEvent>(
  res: Response,
  streamId: string,
  result: HandleResult<E>,
): CommandAccepted {
  res.setHeader('ETag', `"${result.version}"`);
  return { streamId, version: result.version, events: result.events.map((e) => e.type) };
}
