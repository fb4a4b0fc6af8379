import type { ExternalLearningEvent, ExternalLearningVerified } from '@kompeten/contracts';
import type { EventStore } from '@kompeten/event-store';
import { externalLearningStreamId } from './external-learning.commands';

/** What the officer's decision credited, as the stream says (also for a resend that appended nothing). */
export async function decisionOf(store: EventStore, learningId: string) {
  const events = await store.readStream<ExternalLearningEvent>(externalLearningStreamId(learningId));
  const verified = events.find((e) => e.type === 'ExternalLearningVerified')?.data as
    ExternalLearningVerified['data'] | undefined;
  return { learningId, jpCredited: verified?.jpCredited ?? 0, capApplied: verified?.capApplied ?? false };
}
