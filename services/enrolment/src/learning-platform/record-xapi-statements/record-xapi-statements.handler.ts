import { UnauthorizedException } from '@nestjs/common';
import { recordXapiStatements, type ResponseOf } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { EventStore, handleCommand, type EventMetadata } from '@kompeten/event-store';
import { Clock, Handles, type IdentifiedRequest, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import type { ProgrammeCommand } from '../../programme/programme.commands';
import { programmeDecider } from '../../programme/programme.decider';
import { loadProgrammeState } from '../../programme/load-programme';
import { runProgrammeCommand } from '../../programme/run-programme-command';
import { loadLearningPlatform } from '../run-learning-platform-command';
import { mapStatement, type MappedStatement } from '../xapi/xapi-mapping';
import { readStatement } from '../xapi/xapi-statement';
import { xapiStatementDecider, xapiStatementProblems, xapiStatementStreamId } from '../xapi/xapi-statement.decider';

type Progress = Extract<MappedStatement, { kind: 'progress' }>;
type Answer = ResponseOf<typeof recordXapiStatements>;

/** The platform's client id, from the identity the gateway signed (actor `learning-platform:<clientId>`). */
function clientIdOf(req: IdentifiedRequest): string {
  const identity = req.identity;
  const prefix = 'learning-platform:';
  if (!identity?.roles.includes('learning-platform') || !identity.actor.startsWith(prefix))
    throw new UnauthorizedException('xAPI statements come from a learning platform’s own client credentials');
  return identity.actor.slice(prefix.length);
}

/**
 * A statement about training already completed (a platform sends `completed` after `passed`, or forwards
 * late): what happened on the platform, not an error — its digest is kept, the programme is not moved.
 * (An officer's own statement then is a 409: they are told; a platform cannot act on it.)
 */
const afterCompletion = (e: unknown) =>
  e instanceof DomainError && e.slug === 'enrolment-state' && e.extensions.currentState === 'completed';

/** The programme's refusal, with the statement it is about and the statement's own field names. */
function aboutStatement(e: unknown, i: number, statementId: string): unknown {
  if (!(e instanceof DomainError)) return e;
  const fields: Record<string, string> = { moduleId: 'object.id', deviceTimestamp: 'timestamp' };
  if (e.kind === 'invalid') {
    const [first] = (e.extensions.errors as { field: string; message: string }[] | undefined) ?? [];
    if (first) return DomainError.invalid(`statements[${i}].${fields[first.field] ?? first.field}`, first.message);
  }
  return new DomainError(e.kind, e.slug, e.title, e.detail, { ...e.extensions, statement: i, statementId });
}

/**
 * Statements from a registered platform, all or nothing as far as checking goes: every statement is
 * read (400), mapped (404 for an activity not mapped), compared with a statement already applied
 * under its id (409) and decided by its programme in a dry run (404 not enrolled, 409 …) before the
 * first append. Then each is applied to its programme (RecordLearningProgress: a resend is applied
 * once) and its digest recorded; both steps are idempotent, so a batch cut short is simply resent.
 */
@Handles(recordXapiStatements)
export class RecordXapiStatementsHandler implements UseCaseHandler<typeof recordXapiStatements> {
  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ body, metadata, res }: UseCaseRequest<typeof recordXapiStatements>): Promise<Answer> {
    const clientId = clientIdOf(res.req as IdentifiedRequest);
    const platform = await loadLearningPlatform(this.store, clientId);
    if (platform.status !== 'registered')
      throw new UnauthorizedException(`${clientId} is not a registered learning platform (or it is retired)`);
    if (body.statementId !== undefined && body.statements.length !== 1)
      throw DomainError.invalid('statements', 'a PUT carries exactly one statement');

    const receivedAt = this.clock.now().toISOString();
    const statements = body.statements.map((raw, i) => readStatement(raw, i, body.statementId));
    statements.forEach((st, i) => {
      if (statements.findIndex((x) => x.id === st.id) !== i)
        throw DomainError.invalid(`statements[${i}].id`, `${st.id} is in this batch twice`);
    });
    const mapped = statements.map((st, i) => mapStatement(st, platform, i, receivedAt));
    await this.refuseChanged(mapped);
    await this.dryRun(mapped, receivedAt);

    const outcomes: Answer['outcomes'] = [];
    for (const [i, m] of mapped.entries()) {
      if (m.kind === 'ignored') {
        outcomes.push({ statementId: m.statementId, outcome: 'ignored', events: [] });
        continue;
      }
      const applied = await runProgrammeCommand(this.store, m.programmeId, this.command(m, receivedAt), metadata).catch(
        (e: unknown) => {
          if (afterCompletion(e)) return null;
          throw aboutStatement(e, i, m.statementId);
        },
      );
      const recorded = await this.record(m, clientId, receivedAt, metadata);
      outcomes.push({
        statementId: m.statementId,
        outcome: applied === null ? 'after-completion' : applied.events.length ? 'recorded' : 'duplicate',
        events: [...(applied?.events ?? []), ...recorded].map((e) => e.type),
      });
    }
    return { statementIds: statements.map((s) => s.id), outcomes };
  }

  private command(m: Progress, receivedAt: string): ProgrammeCommand {
    return {
      type: 'RecordLearningProgress',
      nip: m.nip,
      statementId: m.statementId,
      verb: m.mappedTo,
      moduleId: m.moduleId,
      score: m.score,
      seconds: m.seconds,
      deviceTimestamp: m.deviceTimestamp,
      // The device's instant in the city's calendar: the date a completing statement completes the training on.
      deviceDate: this.calendar.dateOf(new Date(m.deviceTimestamp)),
      receivedAt,
    };
  }

  /** xAPI statements are immutable: an id applied before with another digest is a 409, before anything is appended. */
  private async refuseChanged(mapped: MappedStatement[]) {
    for (const m of mapped) {
      if (m.kind !== 'progress') continue;
      const [first] = await this.store.readStream(xapiStatementStreamId(m.statementId));
      const sha256 = (first?.data as { sha256?: string } | undefined)?.sha256;
      if (sha256 !== undefined && sha256 !== m.sha256) throw xapiStatementProblems.conflict(m.statementId);
    }
  }

  /** Each programme decides its statements in order on its current state, appending nothing: refusals come first. */
  private async dryRun(mapped: MappedStatement[], receivedAt: string) {
    const states = new Map<string, Awaited<ReturnType<typeof loadProgrammeState>>>();
    for (const [i, m] of mapped.entries()) {
      if (m.kind !== 'progress') continue;
      try {
        // Per participant: a statement reads and changes only its learner's enrolment.
        const key = `${m.programmeId}/${m.nip}`;
        const s = states.get(key) ?? (await loadProgrammeState(this.store, m.programmeId, m.nip));
        const events = programmeDecider.decide(this.command(m, receivedAt), s);
        states.set(
          key,
          events.reduce((x, ev) => programmeDecider.evolve(x, ev), s),
        );
      } catch (e) {
        if (!afterCompletion(e)) throw aboutStatement(e, i, m.statementId);
      }
    }
  }

  private async record(m: Progress, clientId: string, receivedAt: string, metadata: EventMetadata) {
    const { statementId, sha256, verb, mappedTo, nip, programmeId, moduleId } = m;
    const { events } = await handleCommand(
      this.store,
      xapiStatementDecider,
      xapiStatementStreamId(statementId),
      {
        type: 'RecordXapiStatement',
        data: { statementId, clientId, sha256, verb, mappedTo, nip, programmeId, moduleId, receivedAt },
      },
      metadata,
    );
    return events;
  }
}
