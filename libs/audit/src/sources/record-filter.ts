import type { EventRecord } from '@kompeten/event-store';
import type { RecordFilter } from './store-source';

/** The same selection as the store's SQL, for records read from Kafka. */
export function matchesFilter(r: EventRecord, f: RecordFilter = {}): boolean {
  if (f.streamId && r.streamId !== f.streamId) return false;
  if (f.types?.length && !f.types.includes(r.type)) return false;
  const at = Date.parse(r.recordedAt);
  if (f.recordedFrom && at < Date.parse(f.recordedFrom)) return false;
  if (f.recordedTo && at >= Date.parse(f.recordedTo)) return false;
  return true;
}
