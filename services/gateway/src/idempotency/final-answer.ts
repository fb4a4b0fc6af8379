/**
 * Whether a refusal is the request's own answer, to be replayed to a retry with the same
 * Idempotency-Key. Not so for a 5xx or a 429 (try again later), nor for a version conflict the
 * caller did not ask for (no If-Match): the service lost a race after its own retries, and the same
 * command sent again may well succeed. Nor for the service's "this command is still running".
 */
export function answerIsFinal(problem: { status: number; type?: string }, sentIfMatch: boolean): boolean {
  if (problem.status >= 500 || problem.status === 429) return false;
  // The service still runs the first request with this key (the gateway's lease ran out first): not an answer yet.
  if (problem.status === 409 && problem.type?.endsWith('/command-in-progress')) return false;
  if (problem.status === 409 && problem.type?.endsWith('/conflict') && !sentIfMatch) return false;
  return true;
}
