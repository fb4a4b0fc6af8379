import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { handleCommand } from '@kompeten/event-store';
import { personalNotes } from './personal-notes';
import type { ProgrammeCommand } from './programme.commands';
import { programmeDecider, programmeStreamId } from './programme.decider';

/** Every programme use case ends here: load the programme stream, decide, append (notes sealed: personal-notes.ts). */
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
    personal: personalNotes,
  });
