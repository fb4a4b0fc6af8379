import type { PositionStandardEvent } from '@kompeten/contracts';
import { EventStore, fold } from '@kompeten/event-store';
import { slug } from '../shared/slug';
import { positionStandardDecider, positionStandardStreamId } from './position-standard.decider';

/** The level an assessment is judged against, and where it comes from. */
export interface RequiredLevel {
  level: number;
  source: 'position' | 'default';
  position: string;
}

export const positionKey = (position: string) => slug(position);

/** The position's required level for a competency, read from the log (never stale); the default when the position sets none. */
export async function requiredLevel(
  store: EventStore,
  position: string,
  competencyCode: string,
  defaultLevel: number,
): Promise<RequiredLevel> {
  const events = await store.readStream<PositionStandardEvent>(positionStandardStreamId(positionKey(position)));
  const { requirements } = fold(
    positionStandardDecider,
    events.map(({ type, data }) => ({ type, data })),
  );
  const found = requirements?.find((r) => r.competencyCode === competencyCode);
  return found
    ? { level: found.level, source: 'position', position }
    : { level: defaultLevel, source: 'default', position };
}
