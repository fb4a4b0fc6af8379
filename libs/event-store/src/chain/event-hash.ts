import { hash } from 'node:crypto';
import type { EventRecord } from '../store/event-envelope';
import { canonicalJson } from './canonical-json';

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

/**
 * hash = hex(SHA-256(UTF-8(prevHash ‖ JCS(hashedForm)))) — JCS is RFC 8785 canonical JSON, written by
 * `canonicalJson` (byte-identical to the `canonicalize` package, which wrote it before). The one-shot
 * `crypto.hash` encodes a string as UTF-8, like `createHash().update(s, 'utf8')`, at less cost per call.
 */
export function eventHash(prevHash: string, e: Omit<EventRecord, 'hash' | 'prevHash'>): string {
  return hash('sha256', prevHash + canonicalJson(hashedForm(e)), 'hex');
}
