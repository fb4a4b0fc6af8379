import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) canonical JSON, byte for byte what the `canonicalize` package (2.x) returns — the
 * hashed form is the auditors' contract, so this may never differ from it. `canonical-json.spec.ts`
 * checks that with fast-check over random JSON (numbers, unicode strings, nesting, key order).
 *
 * Why a second implementation: `canonicalize` builds every object's text with `reduce` and template
 * strings, which cost ≈ 10 µs for an event and made it the largest part of verifying a chain. This
 * does the same walk with plain loops. What it does not handle itself — a `toJSON` method, a number
 * that is not finite, `undefined` at the top, functions, symbols, bigints, holes in an array — it
 * hands to `canonicalize` for that value, so even inputs that are not JSON come out the same.
 *
 * The same rules as the package, i.e. RFC 8785 for JSON data:
 * - object keys sorted by UTF-16 code units (`Array.prototype.sort`'s default order), a member whose
 *   value is `undefined` or a symbol left out;
 * - strings and numbers as ECMAScript's JSON.stringify writes them (RFC 8785 §3.2.2.2 and §3.2.2.3
 *   prescribe exactly that serialisation).
 */
export function canonicalJson(value: unknown): string {
  return write(value);
}

// A string needs JSON.stringify only if it holds a quote, a backslash, a control character or a
// surrogate (a lone one is escaped as \udXXX); otherwise quoting it is its JSON text.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function write(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
    case 'number':
      // Number::toString(v), which is what JSON.stringify writes for a finite number (-0 as "0");
      // NaN and ±Infinity: the package throws.
      return Number.isFinite(v) ? String(v) : canonicalize(v)!;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      if ((v as { toJSON?: unknown }).toJSON instanceof Function) return canonicalize(v)!;
      return Array.isArray(v) ? writeArray(v) : writeObject(v as Record<string, unknown>);
    default:
      // undefined, function, symbol, bigint: whatever the package does (a string, undefined or a throw).
      return canonicalize(v) as string;
  }
}

function writeArray(a: unknown[]): string {
  let out = '[';
  for (let i = 0; i < a.length; i++) {
    // A hole: the package's reduce skips it (but still writes its comma); rare enough to hand over.
    if (!(i in a)) return canonicalize(a)!;
    if (i > 0) out += ',';
    const x = a[i];
    out += x === undefined || typeof x === 'symbol' ? 'null' : write(x);
  }
  return out + ']';
}

function writeObject(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  const plan = planFor(keys);
  if (plan === undefined) return writeObjectSorting(o, keys);
  let out = '{';
  for (let i = 0; i < plan.keys.length; i++) {
    const x = o[plan.keys[i]];
    // A member left out would move the commas the plan holds: write this object the long way.
    if (x === undefined || typeof x === 'symbol') return writeObjectSorting(o, keys);
    out += plan.heads[i];
    out += write(x);
  }
  return out + '}';
}

function writeObjectSorting(o: Record<string, unknown>, keys: string[]): string {
  const sorted = [...keys].sort();
  let out = '{';
  let first = true;
  for (const k of sorted) {
    const x = o[k];
    if (x === undefined || typeof x === 'symbol') continue;
    if (first) first = false;
    else out += ',';
    out += write(k);
    out += ':';
    out += write(x);
  }
  return out + '}';
}

/**
 * Sorting and quoting an object's keys is most of the work, and a log holds few shapes (the hashed
 * form, each event type's metadata and payload). So each list of keys, in the order the object
 * lists them, maps — through a trie of its keys, which no two lists share by accident — to the keys
 * sorted and each member's `,"key":` prefix. Bounded: once the trie holds MAX_SHAPES keys (payloads
 * keyed by data would fill it), objects of shapes not in it are sorted every time.
 */
interface Plan {
  keys: string[];
  heads: string[];
}
interface TrieNode {
  next: Map<string, TrieNode>;
  plan?: Plan;
}
const MAX_SHAPES = 2_000;
const root: TrieNode = { next: new Map() };
let shapes = 0;

function planFor(keys: string[]): Plan | undefined {
  let node = root;
  for (const k of keys) {
    let child = node.next.get(k);
    if (child === undefined) {
      if (shapes >= MAX_SHAPES) return undefined;
      shapes++;
      child = { next: new Map() };
      node.next.set(k, child);
    }
    node = child;
  }
  if (node.plan === undefined) {
    const sorted = [...keys].sort();
    node.plan = { keys: sorted, heads: sorted.map((k, i) => (i === 0 ? '' : ',') + write(k) + ':') };
  }
  return node.plan;
}
