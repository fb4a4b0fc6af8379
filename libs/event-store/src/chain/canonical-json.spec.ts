import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { eventHash, GENESIS_HASH, hashedForm } from './event-hash';

// The audit contract is the bytes: every hash ever written was computed over `canonicalize`'s text,
// so the faster writer must return exactly that text, for every input, or throw where it throws.
type Outcome = { text: string | undefined } | { threw: true };
const outcome = (f: () => string | undefined): Outcome => {
  try {
    return { text: f() };
  } catch {
    return { threw: true };
  }
};
const sameAsPackage = (v: unknown) => expect(outcome(() => canonicalJson(v))).toEqual(outcome(() => canonicalize(v)));

// Strings of any UTF-16 code units: controls, quotes, backslashes, lone and paired surrogates.
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
const anyString = fc.oneof(codeUnits, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string());
// Keys whose order differs between code units and code points (U+FB33 vs U+1F600), and integer-like
// keys, which a JS object lists first in numeric order whatever order they were added in.
const key = fc.oneof(
  anyString,
  fc.nat().map(String),
  fc.constantFrom('', 'a', 'A', 'aa', '10', '9', '-1', '1.5', '\ufb33', '\ud83d\ude00', '\u20ac', '\r', 'é', 'e\u0301'),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    1e21,
    1e-7,
    1e-6,
    123e-20,
    5e-324,
    Number.MAX_VALUE,
    Number.MIN_SAFE_INTEGER,
    2 ** 53,
    0.1 + 0.2,
  ),
);
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    anyString,
    fc.array(tie('json')),
    fc.dictionary(key, tie('json')),
  ),
}));

describe('canonicalJson (RFC 8785), byte-identical to the canonicalize package', () => {
  it('writes the same text for random JSON: numbers, unicode strings, nesting, key order', () => {
    fc.assert(
      fc.property(json, (v) => sameAsPackage(v)),
      { numRuns: 2_000 },
    );
  });

  it('writes the same text for JSON as fast-check generates it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => sameAsPackage(v)),
      { numRuns: 1_000 },
    );
  });

  it('does the same as the package for values that are not JSON (dates, undefined, holes, boxed values, bigints)', () => {
    const anything = fc.anything({
      key,
      withBoxedValues: true,
      withDate: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withMap: true,
      withSet: true,
      withBigInt: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(anything, (v) => sameAsPackage(v)),
      { numRuns: 1_000 },
    );
  });

  it('writes the same text whatever order the keys were added in, and when a member is undefined', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json), fc.integer(), (o, seed) => {
        const keys = Object.keys(o);
        const shuffled = Object.fromEntries(
          keys.map((_, i) => keys[(i + Math.abs(seed)) % keys.length]).map((k) => [k, o[k]]),
        );
        sameAsPackage(shuffled);
        sameAsPackage({ ...o, [keys[0] ?? 'x']: undefined });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the hash the chain always had, for random payloads and metadata', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json), fc.dictionary(key, json), (payload, metadata) => {
        const e = {
          position: 7,
          eventId: '00000000-0000-7000-8000-000000000007',
          streamId: 'staff-1',
          streamVersion: 2,
          type: 'StaffRegistered',
          schemaVersion: 1,
          occurredAt: '2026-01-02T03:04:05.006Z',
          recordedAt: '2026-01-02T03:04:05.007Z',
          metadata: metadata as never,
          payload,
        };
        const before = createHash('sha256')
          .update(GENESIS_HASH + canonicalize(hashedForm(e))!, 'utf8')
          .digest('hex');
        expect(eventHash(GENESIS_HASH, e)).toBe(before);
        // A record without metadata: the member is left out, as the package leaves it out.
        const bare = { ...e, metadata: undefined as never };
        const withoutMetadata = createHash('sha256')
          .update(GENESIS_HASH + canonicalize(hashedForm(bare))!, 'utf8')
          .digest('hex');
        expect(eventHash(GENESIS_HASH, bare)).toBe(withoutMetadata);
      }),
      { numRuns: 300 },
    );
  });

  it('sorts keys by UTF-16 code units, not by code points', () => {
    expect(canonicalJson({ '\ud83d\ude00': 1, '\ufb33': 2, '10': 3, '9': 4 })).toBe(
      '{"10":3,"9":4,"\ud83d\ude00":1,"\ufb33":2}',
    );
  });

  it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([-0, 1e21, 1e-7, 5e-324, 0.1 + 0.2, 2 ** 53])).toBe(
      '[0,1e+21,1e-7,5e-324,0.30000000000000004,9007199254740992]',
    );
    expect(() => canonicalJson(NaN)).toThrow();
  });
});
