import type { QueryRunner } from 'typeorm';
import { EventMetadata, EventStore, handleCommand } from '@kompeten/event-store';
import type { AssessmentRecordCommand } from './assessment-record.commands';
import { assessmentRecordDecider, assessmentRecordStreamId } from './assessment-record.decider';

/** Every use case and reaction on a staff member's record ends here: load the stream, decide, append. */
export const runRecordCommand = (
  store: EventStore,
  command: AssessmentRecordCommand,
  metadata: EventMetadata,
  options: { tx?: QueryRunner; expectedVersion?: number } = {},
) => handleCommand(store, assessmentRecordDecider, assessmentRecordStreamId(command.nip), command, metadata, options);
