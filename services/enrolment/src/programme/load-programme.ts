import type { ProgrammeEvent } from '@kompeten/contracts';
import { fold } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import { programmeDecider, programmeStreamId } from './programme.decider';
import { problems } from './programme.problems';
import type { ProgrammeState } from './programme.state';

/** The programme as its stream says now, for a handler that reads it before deciding (the need's inputs, a unit head's release). */
export async function loadProgrammeState(store: EventStore, programmeId: string): Promise<ProgrammeState> {
  const events = await store.readStream<ProgrammeEvent>(programmeStreamId(programmeId));
  const s = fold(
    programmeDecider,
    events.map(({ type, data }) => ({ type, data }) as ProgrammeEvent),
  );
  if (s.status === 'unknown') throw problems.notFound(programmeId);
  return s;
}
