import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventStore } from '@kompeten/event-store';
import { problems } from './programme.problems';
import { programmeCacheFor } from './programme-cache';
import { participantStreamId } from './programme-streams';
import type { ProgrammeState } from './programme.state';
import { stateFor } from './run-programme-command';

/**
 * The programme as its streams say now, for a handler that reads it before deciding (the need's
 * inputs, a unit head's release): its details and, when `nip` is given, that participant's enrolment.
 * The seats are as this process last read them (a decision reads them fresh).
 */
export async function loadProgrammeState(
  store: EventStore,
  programmeId: string,
  nip?: string,
): Promise<ProgrammeState> {
  const own = nip ? await store.readStream<ProgrammeEvent>(participantStreamId(programmeId, nip)) : [];
  const entry = await programmeCacheFor(store).load(programmeId, { seats: false });
  if (entry.header.status === 'unknown') throw problems.notFound(programmeId);
  return stateFor(entry, nip ?? null, own);
}
