import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { successStatus, type UseCase } from '@kompeten/api';
import { PROBLEM_BASE, type ProblemDetails } from './problem-details';
import { AppendedByCommand, CommandDedupStore, StoredAnswer } from './command-dedup.store';

/**
 * How long a `running` claim keeps a retry of the same command away. Longer than any command runs
 * (the gateway gives up on a service after DOWNSTREAM_TIMEOUT_MS, at most 60 s): only a service
 * that died while running the command leaves a claim this old, and then its events say what it did.
 */
export const RUNNING_CLAIM_LEASE_SECONDS = 60;

const COMMAND_ID = /^[0-9a-f]{64}$/;

const invalid = (field: string, message: string, status = 400): ProblemDetails => ({
  type: `${PROBLEM_BASE}${status === 400 ? 'validation' : 'idempotency-key-reused'}`,
  title: status === 400 ? 'The request is not valid' : 'This command id was used for a different request',
  status,
  detail: `${field}: ${message}`,
  errors: [{ field, message }],
});

const refusal = (problem: ProblemDetails) => Object.assign(new Error(problem.title), { problem: () => problem });

/**
 * `x-command-id`: the gateway's sha256 of (principal, Idempotency-Key) in hex, naming the command
 * for every retry of it; neither the key nor the principal can be read back from it.
 */
export function commandIdFrom(req: Pick<Request, 'header'>): string | undefined {
  const id = req.header('x-command-id');
  if (id === undefined) return undefined;
  if (!COMMAND_ID.test(id)) throw refusal(invalid('x-command-id', 'must be 64 lowercase hex digits (a sha256)'));
  return id;
}

/** The first request with this command id is still running here: retry shortly. */
const inProgress = (): ProblemDetails => ({
  type: `${PROBLEM_BASE}command-in-progress`,
  title: 'This command is still being run; retry shortly',
  status: 409,
  retryAfterSeconds: 1,
});

/**
 * The answer to a command whose events are in the log but whose answer was never stored (the
 * service died between its commit and storing the answer): the command-accepted shape
 * ({ streamId, version, events }, libs/api/src/shared/command-accepted.ts) of the first stream it
 * appended to, under the use case's success status. An answer with more fields (a budget's id …)
 * comes back only in this shape: `Idempotent-Reconstructed: true` says so.
 */
export function reconstructedAnswer(useCase: UseCase, appended: AppendedByCommand[]): StoredAnswer {
  const streamId = appended[0].streamId;
  const own = appended.filter((e) => e.streamId === streamId);
  const version = own[own.length - 1].streamVersion;
  return {
    status: successStatus(useCase),
    headers: { ETag: `"${version}"`, 'Idempotent-Reconstructed': 'true' },
    body: JSON.stringify({ streamId, version, events: own.map((e) => e.type) }),
  };
}

/** The headers of a command's answer worth giving again to a retry. */
const KEPT_HEADERS = ['etag', 'location'];

/**
 * Runs a command sent with a command id at most once in this service, whatever the gateway went
 * through (a timeout, a crash after the service committed, a retry after its own lease): the first
 * request claims the id, runs, and stores its answer; a later one gets that answer again with
 * `Idempotent-Replayed: true`, and one arriving while the first still runs a 409 (command-in-progress).
 * The events carry the id (`metadata.commandId`), so even a lost answer is not a reason to run twice.
 */
@Injectable()
export class CommandDedup {
  private readonly log = new Logger('CommandDedup');
  private readonly store: CommandDedupStore;

  constructor(db: DataSource) {
    this.store = new CommandDedupStore(db, RUNNING_CLAIM_LEASE_SECONDS);
  }

  async once(commandId: string, useCase: UseCase, req: Request, res: Response, run: () => Promise<unknown>) {
    const hash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl} ${canonicalize(req.body ?? null)}`)
      .digest('hex');
    const claim = await this.store.claim(commandId, hash);
    if (claim.kind === 'running') throw refusal(inProgress());
    if (claim.kind === 'answered') {
      if (claim.requestHash !== hash)
        throw refusal(invalid('x-command-id', 'was already used for a different request', 422));
      return replay(res, claim.answer);
    }
    let answer: unknown;
    try {
      const appended = await this.store.appendedBy(commandId);
      if (appended.length) {
        const rebuilt = reconstructedAnswer(useCase, appended);
        await this.store.answer(commandId, rebuilt);
        return replay(res, rebuilt);
      }
      answer = await run();
    } catch (error) {
      // Nothing was committed (or, if it was, its events answer the retry): let the retry claim the id.
      await this.store.release(commandId).catch(() => undefined);
      throw error;
    }
    const headers = Object.fromEntries(
      KEPT_HEADERS.flatMap((h) => (res.getHeader(h) === undefined ? [] : [[h, String(res.getHeader(h))]])),
    );
    // Committed: a failure to store the answer leaves the claim to its lease and the events to answer the retry.
    await this.store
      .answer(commandId, { status: res.statusCode, headers, body: answer === undefined ? '' : JSON.stringify(answer) })
      .catch((e: Error) => this.log.warn(`answer of command ${commandId} not stored: ${e.message}`));
    return answer;
  }
}

function replay(res: Response, answer: StoredAnswer): unknown {
  res.status(answer.status).setHeader('Idempotent-Replayed', 'true');
  for (const [h, v] of Object.entries(answer.headers)) res.setHeader(h, v);
  return answer.body ? JSON.parse(answer.body) : undefined;
}
