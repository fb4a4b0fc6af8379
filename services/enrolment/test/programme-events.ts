import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventStore, StoredEvent } from '@kompeten/event-store';

/**
 * Every event of a programme in log order: its own stream and its participants' streams
 * (`programme-<id>/<nip>`, issue 23) — what the single programme stream held before.
 */
export async function programmeEvents(store: EventStore, programmeId: string): Promise<StoredEvent<ProgrammeEvent>[]> {
  const parent = `programme-${programmeId}`;
  const [own, participants] = await Promise.all([
    store.readStream<ProgrammeEvent>(parent),
    store.readSubStreams<ProgrammeEvent>(parent, null),
  ]);
  return [...own, ...participants].sort((a, b) => a.position - b.position);
}
