import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { developmentPlanStreamId, type DevelopmentPlanCommand } from './development-plan.commands';
import { developmentPlanDecider } from './development-plan.decider';

/** Every development plan command ends here: load the staff member's plan for the year, decide, append. */
export async function runDevelopmentPlanCommand(
  store: EventStore,
  command: DevelopmentPlanCommand,
  metadata: EventMetadata,
) {
  const streamId = developmentPlanStreamId(command.year, command.nip);
  // The note is the staff member's own words about themselves: personal data, sealed under their subject
  // (erasing the staff member erases it, as it does their name).
  const result = await handleCommand(store, developmentPlanDecider, streamId, command, metadata, {
    personal: (e) =>
      e.type === 'DevelopmentPlanProposed' && e.data.note !== null
        ? { subject: `staff:${command.nip}`, fields: ['note'] }
        : undefined,
  });
  // The revision an agreement names: the last event's, or (nothing appended) the stream's current one.
  const events = result.events.length ? result.events : await store.readStream(streamId, result.version);
  const last = events[events.length - 1]?.data as { revision?: number } | undefined;
  return { streamId, result, revision: last?.revision ?? 0 };
}
