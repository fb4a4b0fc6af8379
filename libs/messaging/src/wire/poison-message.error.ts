/** Why a Kafka message could not be read as an event at all. */
export type PoisonReason = 'empty-value' | 'not-json' | 'invalid-record' | 'key-mismatch' | 'header-mismatch';

/**
 * A message that can never be applied, however often it is retried: consumers park it on the
 * dead-letter topic at once, with `reason` in the `dlq-reason` header.
 */
export class PoisonMessageError extends Error {
  constructor(
    readonly reason: PoisonReason,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'PoisonMessageError';
  }
}
