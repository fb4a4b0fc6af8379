import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventRecord } from '../store/event-envelope';

/** The hash before the first event of a service's log. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact object that is hashed (documented in libs/README.md, "The hashed form").
 * Everything but the two hashes themselves; the payload as stored, i.e. personal fields encrypted,
 * so erasing a key never breaks the chain.
 */
export function hashedForm(e: Omit<EventRecord, 'hash' | 'prevHash'>) {
  return {
    position: e.position,
    eventId: e.eventId,
    streamId: e.streamId,
    streamVersion: e.streamVersion,
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    metadata: e.metadata,
    payload: e.payload,
  };
}

/** hash = hex(SHA-256(UTF-8(prevHash ‖ JCS(hashedForm)))) — JCS is RFC 8785 canonical JSON. */
export function eventHash(prevHash: string, e: Omit<EventRecord, 'hash' | 'prevHash'>): string {
  const canonical = canonicalize(hashedForm(e));
  if (canonical === undefined) throw new Error(`event ${e.eventId} cannot be canonicalised`);
  return createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');
}
