import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EventRecord, GENESIS_HASH, hashedForm } from '@kompeten/event-store';

/**
 * EXPERIMENT: RFC 8785 for JSON data as the store holds it (objects, arrays, strings, finite numbers,
 * booleans, null): keys sorted by UTF-16 code units at every level, then the engine's own
 * JSON.stringify, whose number and string output is what RFC 8785 prescribes. The proposal for
 * libs/event-store/src/chain/event-hash.ts; the benchmark checks that every hash comes out identical.
 * One trap: a JS object lists integer-like keys ("9", "10") first and numerically, whatever order
 * they were inserted in, so a tree holding one is handed to `canonicalize` instead.
 */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

function sortedDeep(v: unknown, trap: { hit: boolean }): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => sortedDeep(x, trap));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    if (INDEX_KEY.test(k)) trap.hit = true;
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sortedDeep(x, trap);
  }
  return out;
}

export function fastCanonical(v: unknown): string {
  const trap = { hit: false };
  const sorted = sortedDeep(v, trap);
  return trap.hit ? canonicalize(v)! : JSON.stringify(sorted);
}

/** verifyChain's loop with the faster canonicaliser; returns the number verified (throws at a break). */
export function verifyFast(records: EventRecord[]): number {
  let prev = GENESIS_HASH;
  let position = 1;
  for (const r of records) {
    if (r.position !== position++ || r.prevHash !== prev) throw new Error(`chain breaks at ${r.position}`);
    const hash = createHash('sha256')
      .update(prev + fastCanonical(hashedForm(r)), 'utf8')
      .digest('hex');
    if (hash !== r.hash) throw new Error(`hash differs at ${r.position}`);
    prev = hash;
  }
  return records.length;
}
