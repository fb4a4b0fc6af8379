import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { handleCommand } from '@kompeten/event-store';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider, programmeStreamId } from './programme.decider';

/** Every programme use case ends here: load the programme stream, decide, append. */
export const runProgrammeCommand = (
  store: EventStore,
  programmeId: string,
  command: ProgrammeCommand,
  metadata: EventMetadata,
  expectedVersion?: number,
) =>
  handleCommand(store, programmeDecider, programmeStreamId(programmeId), command, metadata, {
    expectedVersion,
    cacheState: true,
  });
