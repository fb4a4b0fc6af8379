import type { ExpectedVersion } from './event-envelope';

const PROBLEMS = 'https://kompeten.bukittinggi.go.id/problems/';

/** Someone else appended to the stream first. The gateway answers 409; the caller reloads and retries. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersionError';
  }

  problem() {
    return {
      type: `${PROBLEMS}conflict`,
      title: 'The resource was changed by someone else',
      status: 409,
      detail: this.message,
      streamId: this.streamId,
      expectedVersion: this.expected,
      actualVersion: this.actual,
    };
  }
}

/**
 * Something a decision read changed before its append: a stream it read but did not write moved, or
 * an event of the boundary it decided on (`AppendCondition.noneAfter`) was appended after what it read.
 * A conflict like any other (409; handlers reload and decide again).
 */
export class AppendConditionError extends WrongExpectedVersionError {
  constructor(streamId: string, expected: number, actual: number, detail?: string) {
    super(streamId, expected, actual);
    this.name = 'AppendConditionError';
    if (detail) this.message = detail;
  }
}

/** Personal data was offered for a person whose data has been erased (UU 27/2022): refuse, do not re-collect. */
export class PersonErasedError extends Error {
  constructor(readonly subject: string) {
    super(`the personal data of ${subject} has been erased and cannot be recorded again`);
    this.name = 'PersonErasedError';
  }

  problem() {
    return { type: `${PROBLEMS}person-erased`, title: 'Personal data erased', status: 410, detail: this.message };
  }
}

/** A stored event's schema version has no upcaster path to the current version. */
export class UnknownSchemaVersionError extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly current: number,
  ) {
    super(`no upcaster for ${type} v${schemaVersion} (current v${current})`);
    this.name = 'UnknownSchemaVersionError';
  }
}
