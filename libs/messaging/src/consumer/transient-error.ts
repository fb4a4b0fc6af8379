/** Socket-level failures: the database (or broker) is unreachable for now. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * Postgres SQLSTATEs that say "try again", not "this event is bad": class 08 (connection exception),
 * 57P01-57P05 (shutdown, restart, idle-session ends), 40001/40P01 (serialization failure, deadlock),
 * 53300 (too many connections), 55P03 (lock not available).
 */
const SQLSTATE = /^(08...|57P0\d|40001|40P01|53300|55P03)$/;

/** What `pg` and its pool say when a connection dies mid-use (no SQLSTATE or errno attached). */
const MESSAGES =
  /connection terminated|not queryable|client was closed|client has encountered a connection error|timeout exceeded when trying to connect|connection timeout/i;

/**
 * Whether an error is worth retrying without limit: the database is down or busy, not the event.
 * Looks through TypeORM's QueryFailedError (`driverError`), `cause` chains and AggregateErrors.
 */
export function isTransientError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  const errors: unknown[] = Array.isArray(e.errors) ? e.errors : [];
  const nested = [e.driverError, e.cause, ...errors];
  return nested.some((n) => n !== undefined && n !== error && isTransientError(n, depth + 1));
}
