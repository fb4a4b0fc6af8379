import type { LearningPlatformEvent } from '@kompeten/contracts';
import { fold } from '@kompeten/domain';
import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { learningPlatformStreamId, type LearningPlatformCommand } from './learning-platform.commands';
import { learningPlatformDecider } from './learning-platform.decider';
import type { LearningPlatformState } from './learning-platform.state';

/** Every registry command ends here: load the platform's stream, decide, append. */
export async function runLearningPlatformCommand(
  store: EventStore,
  command: LearningPlatformCommand,
  metadata: EventMetadata,
) {
  const streamId = learningPlatformStreamId(command.clientId);
  const result = await handleCommand(store, learningPlatformDecider, streamId, command, metadata);
  return { streamId, result };
}

/** The platform as its stream says now (a handful of events): what each batch of statements is checked against. */
export async function loadLearningPlatform(store: EventStore, clientId: string): Promise<LearningPlatformState> {
  const events = await store.readStream<LearningPlatformEvent>(learningPlatformStreamId(clientId));
  return fold(
    learningPlatformDecider,
    events.map(({ type, data }) => ({ type, data }) as LearningPlatformEvent),
  );
}
