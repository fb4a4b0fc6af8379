import { Injectable, StreamableFile, Type } from '@nestjs/common';
import type { Response } from 'express';
import { isCommand, type RequestOf, type ResponseOf, type ServiceName, type UseCase } from '@kompeten/api';
import type { EventMetadata } from '@kompeten/event-store';
import { expectedVersionFrom, metadataFrom } from './command-metadata';
import { CommandDedup, commandIdFrom } from './command-dedup';
import { useCaseController } from './use-case-controller';

// A service serves its use cases through one generated controller: no controller, command or
// query class per use case, no bus. The handler is the use case's code — it turns the request
// (and the state it loads) into the decider's command and runs it, or reads a read model.

/** What a handler receives: the validated request and who asks, in which conversation. */
export interface UseCaseRequest<U extends UseCase> extends RequestOf<U> {
  metadata: EventMetadata;
  /** From If-Match: the stream version the client last saw. */
  expectedVersion?: number;
  /** For the rare answer that sets a header or a content type (CSV, a 200 for a resend). */
  res: Response;
}

/** A use case's code in its service (an injectable class: its dependencies come from Nest). */
export interface UseCaseHandler<U extends UseCase> {
  handle(request: UseCaseRequest<U>): Promise<ResponseOf<U>>;
}

const HANDLES = Symbol('kompeten:handles');

/** Marks a class as the handler of a use case (and makes it injectable). */
export function Handles(useCase: UseCase) {
  return (target: Type<UseCaseHandler<UseCase>>) => {
    Reflect.defineMetadata(HANDLES, useCase, target);
    Injectable()(target);
  };
}

const useCaseOf = (handler: Type): UseCase => {
  const u = Reflect.getMetadata(HANDLES, handler) as UseCase | undefined;
  if (!u) throw new Error(`${handler.name} is not decorated with @Handles(useCase)`);
  return u;
};

/**
 * The routes of a service, from its handlers. Refuses to start when a declared use case of the
 * service has no handler (or one has two), so that a declaration never promises a route nobody serves.
 */
export function serviceRoutes(service: ServiceName, handlers: Type[], declared: readonly UseCase[]) {
  const served = handlers.map(useCaseOf);
  const expected = declared.filter((u) => u.service === service && !u.forwardsTo && !u.composed);
  const missing = expected.filter((u) => !served.includes(u)).map((u) => u.name);
  const twice = served.filter((u, i) => served.indexOf(u) !== i).map((u) => u.name);
  const foreign = served.filter((u) => u.service !== service).map((u) => u.name);
  if (missing.length || twice.length || foreign.length)
    throw new Error(
      `${service}: use cases without a handler [${missing.join(', ')}], handled twice [${twice.join(', ')}], of another service [${foreign.join(', ')}]`,
    );
  const controller = useCaseController(
    `${service[0].toUpperCase()}${service.slice(1)}UseCases`,
    served.map((useCase, i) => ({
      useCase,
      path: useCase.path,
      extraProblems: [503],
      async invoke(deps, { params, body, query, req, res }) {
        const handler = deps[i] as UseCaseHandler<UseCase>;
        const run = async () => {
          const answer = await handler.handle({
            params,
            body,
            query,
            metadata: metadataFrom(req),
            expectedVersion: expectedVersionFrom(req.header('if-match')),
            res,
          } as UseCaseRequest<UseCase>);
          // A command's answer carries the stream's new version: also the ETag for If-Match.
          const version = (answer as { version?: unknown } | undefined)?.version;
          if (isCommand(useCase) && typeof version === 'number') res.setHeader('ETag', `"${version}"`);
          // A document (a PDF) goes out as its bytes; a text answer (an iCalendar feed …) as it is, under its media type.
          if (answer instanceof Uint8Array)
            return new StreamableFile(answer, { type: useCase.produces, length: answer.byteLength });
          if (useCase.produces) res.type(`${useCase.produces}; charset=utf-8`);
          return answer;
        };
        // A command the gateway named (x-command-id, from an Idempotency-Key) runs at most once here.
        const commandId = isCommand(useCase) ? commandIdFrom(req) : undefined;
        if (commandId === undefined) return run();
        return (deps[served.length] as CommandDedup).once(commandId, useCase, req, res, run);
      },
    })),
    [...handlers, CommandDedup],
  );
  return { controllers: [controller], providers: [...handlers, CommandDedup] };
}
