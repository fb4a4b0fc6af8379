import { createHash } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/auth.guard';

/** Whose Idempotency-Keys these are: the token's subject, or the client address on a public route. */
export const keyOwnerOf = (req: AuthenticatedRequest): string => req.principal?.sub ?? `ip:${req.ip}`;

/**
 * The id a command travels to its service under (`x-command-id`): sha256 of the key's owner and the
 * Idempotency-Key, so that the same key from two callers names two commands, and the service's log
 * holds neither the key nor who sent it (NUL cannot occur in a key: the two parts never run together).
 * Undefined for a request without a key, which the service runs as it comes.
 */
export function commandIdOf(req: AuthenticatedRequest): string | undefined {
  const key = req.header('idempotency-key');
  if (req.method === 'GET' || key === undefined) return undefined;
  return createHash('sha256')
    .update(`${keyOwnerOf(req)}\u0000${key}`)
    .digest('hex');
}
