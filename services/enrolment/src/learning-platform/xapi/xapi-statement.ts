import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DomainError } from '@kompeten/domain';

/**
 * The part of an xAPI 1.0.3 statement Kompeten reads, checked as the specification says for those
 * properties; the rest (context, attachments' metadata, extensions) is accepted as it comes and only
 * counted in the digest.
 */
export interface XapiStatement {
  /** Lowercase UUID. */
  id: string;
  actor: { homePage: string; name: string };
  verb: string;
  object: { objectType: string; id: string };
  score: { scaled?: number; raw?: number; min?: number; max?: number } | null;
  duration: string | null;
  /** ISO 8601 with its offset, or null when the statement has none. */
  timestamp: string | null;
  /** SHA-256 (hex) of the canonical statement without the properties an LRS sets or compares loosely. */
  sha256: string;
}

const TOP_LEVEL = new Set([
  'id',
  'actor',
  'verb',
  'object',
  'result',
  'context',
  'timestamp',
  'stored',
  'authority',
  'version',
  'attachments',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, then no whitespace. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const IRL = /^https?:\/\/[^\s]+$/i;
/** ISO 8601 date-time with an offset (xAPI: "-00:00" is not an offset). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-](?!00:00)\d{2}:\d{2}|\+00:00)$/;
const IDENTIFIERS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads statement `raw` (the `i`th of a batch) or refuses it with a 400 naming the field as
 * `statements[i].…`. The statement id is the one given or, for a PUT, `statementId`.
 */
export function readStatement(raw: unknown, i: number, statementId?: string): XapiStatement {
  const at = (field: string) => `statements[${i}]${field ? `.${field}` : ''}`;
  const refuse = (field: string, message: string): never => {
    throw DomainError.invalid(at(field), message);
  };
  if (!isObject(raw)) return refuse('', 'must be an xAPI statement (a JSON object)');
  const unknown = Object.keys(raw).find((k) => !TOP_LEVEL.has(k));
  if (unknown) refuse(unknown, 'is not a property of an xAPI 1.0.3 statement');

  let id = raw.id;
  if (id !== undefined && (typeof id !== 'string' || !UUID.test(id))) refuse('id', 'must be a UUID');
  if (statementId !== undefined) {
    if (id !== undefined && (id as string).toLowerCase() !== statementId.toLowerCase())
      refuse('id', `must be the statementId of the request (${statementId})`);
    id = statementId;
  }

  const actor = raw.actor;
  if (!isObject(actor)) return refuse('actor', 'is required (an Agent)');
  if (actor.objectType !== undefined && actor.objectType !== 'Agent')
    refuse('actor.objectType', 'must be Agent: progress is one person’s');
  if (IDENTIFIERS.filter((k) => actor[k] !== undefined).length !== 1)
    refuse('actor', 'must have exactly one identifier');
  const account = actor.account;
  if (!isObject(account)) return refuse('actor.account', 'is required: the learner’s account, whose name is the NIP');
  if (typeof account.homePage !== 'string' || !IRL.test(account.homePage))
    refuse('actor.account.homePage', 'must be an http(s) URL');
  if (typeof account.name !== 'string' || account.name === '') refuse('actor.account.name', 'is required');

  const verb = raw.verb;
  if (!isObject(verb) || typeof verb.id !== 'string' || !IRI.test(verb.id)) refuse('verb.id', 'must be an IRI');

  const object = raw.object;
  if (!isObject(object)) return refuse('object', 'is required');
  const objectType = object.objectType ?? 'Activity';
  if (typeof objectType !== 'string') return refuse('object.objectType', 'must be a string');
  if (objectType === 'Activity' && (typeof object.id !== 'string' || !IRI.test(object.id)))
    refuse('object.id', 'must be an IRI (the activity id)');
  if (objectType === 'StatementRef' && (typeof object.id !== 'string' || !UUID.test(object.id)))
    refuse('object.id', 'must be a UUID (the statement referred to)');

  const result = raw.result;
  if (result !== undefined && !isObject(result)) refuse('result', 'must be an object');
  const score = readScore((result as Json | undefined)?.score, refuse);
  const duration = (result as Json | undefined)?.duration;
  if (duration !== undefined && typeof duration !== 'string') refuse('result.duration', 'must be an ISO 8601 duration');
  for (const flag of ['success', 'completion'] as const) {
    const v = (result as Json | undefined)?.[flag];
    if (v !== undefined && typeof v !== 'boolean') refuse(`result.${flag}`, 'must be true or false');
  }

  const timestamp = raw.timestamp;
  if (
    timestamp !== undefined &&
    (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp) || isNaN(Date.parse(timestamp)))
  )
    refuse('timestamp', 'must be an ISO 8601 date and time with its offset (Z or ±hh:mm)');

  const statementIdOf = (id as string | undefined)?.toLowerCase() ?? nameBasedId(raw);
  return {
    id: statementIdOf,
    actor: { homePage: account.homePage as string, name: account.name as string },
    verb: (verb as Json).id as string,
    object: { objectType, id: typeof object.id === 'string' ? object.id : '' },
    score,
    duration: (duration as string | undefined) ?? null,
    timestamp: (timestamp as string | undefined) ?? null,
    sha256: digest({ ...raw, id: statementIdOf }),
  };
}

function readScore(score: unknown, refuse: (field: string, message: string) => never): XapiStatement['score'] {
  if (score === undefined) return null;
  if (!isObject(score)) return refuse('result.score', 'must be an object');
  const out: NonNullable<XapiStatement['score']> = {};
  for (const k of ['scaled', 'raw', 'min', 'max'] as const) {
    const v = score[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) refuse(`result.score.${k}`, 'must be a number');
    out[k] = v;
  }
  const { scaled, raw, min, max } = out;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) refuse('result.score.scaled', 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && min >= max) refuse('result.score.min', 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min) refuse('result.score.raw', 'must not be below min');
  if (raw !== undefined && max !== undefined && raw > max) refuse('result.score.raw', 'must not be above max');
  return out;
}

/**
 * What two copies of a statement are compared by (xAPI 1.0.3, statement comparison): the statement
 * without the properties the LRS sets (authority, stored, version), its timestamp as an instant.
 */
function digest(raw: Json): string {
  const { authority: _a, stored: _s, version: _v, ...compared } = raw;
  void _a;
  void _s;
  void _v;
  if (typeof compared.timestamp === 'string') compared.timestamp = new Date(compared.timestamp).toISOString();
  return createHash('sha256')
    .update(canonicalize(compared) ?? '')
    .digest('hex');
}

/**
 * A statement sent without an id gets one from its content (a name-based UUID, version 8 layout):
 * an identical resend is then recognised as one, as it would be with the platform's own id.
 */
function nameBasedId(raw: Json): string {
  const h = createHash('sha256')
    .update(`kompeten-xapi:${canonicalize(raw) ?? ''}`)
    .digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
