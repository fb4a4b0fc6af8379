import type { EventStore } from '@kompeten/event-store';
import { competencyStreamId } from './competency.decider';
import { nationalCompetency } from './national-competencies';

/** Read from the log, not a read model: a competency defined a moment ago is already known. */
export async function competencyExists(store: EventStore, code: string): Promise<boolean> {
  return Boolean(nationalCompetency(code)) || (await store.streamVersion(competencyStreamId(code))) > 0;
}
