import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { fold } from '@kompeten/domain';
import type { ExternalLearningEvent } from '@kompeten/contracts';
import { externalLearningStreamId, type ExternalLearningCommand } from './external-learning.commands';
import { externalLearningDecider } from './external-learning.decider';
import { externalLearningProblems } from './external-learning.problems';

/** Every external learning command ends here: load the record's stream, decide, append. */
export async function runExternalLearningCommand(
  store: EventStore,
  command: ExternalLearningCommand,
  metadata: EventMetadata,
) {
  const streamId = externalLearningStreamId(command.learningId);
  // A rejection's note is an officer's words about the staff member: personal data, sealed under their
  // subject (erasing the staff member erases it, as it does their name).
  const result = await handleCommand(store, externalLearningDecider, streamId, command, metadata, {
    personal: (e) =>
      e.type === 'ExternalLearningRejected' && e.data.note !== null
        ? { subject: `staff:${e.data.nip}`, fields: ['note'] }
        : undefined,
  });
  return { streamId, result };
}

/** The record as its stream says (what a verification reads before it decides); 404 when there is none. */
export async function loadExternalLearning(store: EventStore, learningId: string) {
  const events = await store.readStream<ExternalLearningEvent>(externalLearningStreamId(learningId));
  const s = fold(
    externalLearningDecider,
    events.map(({ type, data }) => ({ type, data }) as ExternalLearningEvent),
  );
  if (!s.record) throw externalLearningProblems.notFound(learningId);
  return { ...s, record: s.record };
}
