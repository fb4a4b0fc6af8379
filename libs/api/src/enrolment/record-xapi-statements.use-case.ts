import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsOptional, IsUUID } from 'class-validator';
import { defineUseCase, StringEnum, Type } from '../use-case';

/** Statements in one request at most (xAPI lets an LRS set its own limit; a forwarder batches below it). */
export const MAX_XAPI_BATCH = 100;

/** What the gateway's xAPI resource forwards: the statements of a POST (one is a list of one), or a PUT's one. */
export class RecordXapiStatementsRequest {
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'xAPI 1.0.3 statements' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_XAPI_BATCH)
  @IsObject({ each: true, message: 'each of statements must be an xAPI statement (an object)' })
  statements: Record<string, unknown>[];
  @ApiPropertyOptional({ description: 'A PUT’s statementId: the one statement’s id' })
  @IsOptional()
  @IsUUID()
  statementId?: string;
}

export const XapiStatementsAcceptedSchema = Type.Object(
  {
    statementIds: Type.Array(Type.String(), { description: 'The statements’ ids, in the order sent' }),
    outcomes: Type.Array(
      Type.Object({
        statementId: Type.String(),
        outcome: StringEnum(['recorded', 'duplicate', 'ignored', 'after-completion'], {
          description:
            'recorded: applied to the programme; duplicate: this statement was applied before (nothing new); ignored: a verb that does not move a programme; after-completion: the training was already completed (kept, changes nothing)',
        }),
        events: Type.Array(Type.String(), { description: 'Event types appended for it' }),
      }),
    ),
  },
  { title: 'XapiStatementsAccepted' },
);

/**
 * The enrolment service's side of the xAPI Statement resource (`/api/v1/xapi/statements` at the
 * gateway, which checks the xAPI headers and answers as an LRS does). Internal: only the gateway calls it.
 */
export const recordXapiStatements = defineUseCase({
  name: 'recordXapiStatements',
  service: 'enrolment',
  method: 'POST',
  path: '/xapi/statements',
  tag: 'xapi',
  summary:
    'xAPI statements from a registered learning platform (the caller’s client id), applied as self-paced learning progress',
  params: {},
  body: RecordXapiStatementsRequest,
  response: XapiStatementsAcceptedSchema,
  status: 200,
  access: { roles: ['learning-platform'] },
  problems: [400, 404, 409],
  internal: true,
});
