import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  HttpCode,
  Post,
  Put,
  Query,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { MAX_XAPI_BATCH, openApiSchema, PARAM, recordXapiStatements, Type, type ResponseOf } from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { isLearningPlatform } from '../auth/principal';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';

/** The xAPI version this resource speaks (1.0.x requests are accepted; every answer names the latest patch). */
export const XAPI_VERSION = '1.0.3';
const VERSION_HEADER = 'X-Experience-API-Version';

const statementSchema = {
  type: 'object',
  description: 'An xAPI 1.0.3 statement (actor by account: homePage + NIP as name; verb; activity; result; timestamp)',
  additionalProperties: true,
} as const;

const versionHeader = ApiHeader({
  name: VERSION_HEADER,
  required: true,
  description: 'The xAPI version of the request: 1.0.x (answered with 1.0.3)',
});

/**
 * The xAPI Statement resource (xAPI 1.0.3, part 3 §2.1) for learning platforms — Moodle, an LRS that
 * forwards — each with its own client-credentials token from the city's identity provider (role
 * `learning-platform`; its client id is who it is). The statements go to the enrolment service, which
 * checks the platform is registered, maps them and applies them as self-paced progress
 * (docs/xapi.md). Only a platform posts statements: an admin's or a staff member's token is 403 here.
 */
@ApiTags('xapi')
@Controller('api/v1/xapi')
export class XapiRoutes {
  constructor(private readonly forward: Forward) {}

  @Post('statements')
  @HttpCode(200)
  @Access({ roles: ['learning-platform'] })
  @ApiOperation({
    summary:
      'Store one xAPI statement or a list (at most 100) from a registered learning platform; answers their ids. The same statement again changes nothing; the same id with other content is 409. 400 names the statement’s field (`statements[i].…`), 404 an activity not mapped or a learner not enrolled; 401 for a platform not registered or retired.',
  })
  @versionHeader
  @ApiBody({
    schema: { oneOf: [statementSchema, { type: 'array', items: statementSchema, maxItems: MAX_XAPI_BATCH }] },
  })
  @ApiOkResponse({
    description: 'The statements’ ids, in the order sent',
    schema: openApiSchema(Type.Array(Type.String({ format: 'uuid' }))),
  })
  @ApiProblems(400, 404, 409)
  async post(@Body() body: unknown, @Req() req: AuthenticatedRequest, @Res({ passthrough: true }) res: Response) {
    this.check(req, res);
    const statements = Array.isArray(body) ? (body as unknown[]) : [body];
    if (statements.length === 0 || statements.length > MAX_XAPI_BATCH)
      throw new BadRequestException({
        errors: [{ field: 'statements', message: `send 1 to ${MAX_XAPI_BATCH} statements in one request` }],
      });
    const answer = await this.send(statements, undefined, req, res);
    res.status(200);
    return answer.statementIds;
  }

  @Put('statements')
  @HttpCode(204)
  @Access({ roles: ['learning-platform'] })
  @ApiOperation({
    summary:
      'Store one xAPI statement under the statementId given (204); the same statement again changes nothing, other content under that id is 409',
  })
  @versionHeader
  @ApiBody({ schema: statementSchema })
  @ApiQuery({ name: 'statementId', required: true, description: 'The statement’s UUID' })
  @ApiNoContentResponse({ description: 'Stored (or stored before, unchanged)' })
  @ApiProblems(400, 404, 409)
  async put(
    @Query('statementId') statementId: unknown,
    @Body() body: unknown,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    this.check(req, res);
    if (typeof statementId !== 'string' || PARAM.uuid.check(statementId))
      throw new BadRequestException({ errors: [{ field: 'statementId', message: 'must be a UUID' }] });
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new BadRequestException({ errors: [{ field: 'statements[0]', message: 'must be one xAPI statement' }] });
    await this.send([body], statementId, req, res);
    res.status(204);
  }

  /** Who and which xAPI: a platform's own client, speaking 1.0.x. Every answer names the version, errors too. */
  private check(req: AuthenticatedRequest, res: Response) {
    res.setHeader(VERSION_HEADER, XAPI_VERSION);
    if (!isLearningPlatform(req.principal)) {
      if (req.principal?.roles.includes('learning-platform'))
        throw new UnauthorizedException('a learning platform’s token must name its client (client_id or azp)');
      throw new ForbiddenException('only a learning platform’s own client posts xAPI statements');
    }
    const version = req.header(VERSION_HEADER);
    if (!version || !/^1\.0(\.\d+)?$/.test(version))
      throw new BadRequestException({
        errors: [{ field: VERSION_HEADER, message: `is required: an xAPI 1.0.x version such as ${XAPI_VERSION}` }],
      });
  }

  private async send(statements: unknown[], statementId: string | undefined, req: AuthenticatedRequest, res: Response) {
    return (await this.forward.to(recordXapiStatements.service, 'POST', recordXapiStatements.path, req, res, {
      body: { statements, ...(statementId ? { statementId } : {}) },
    })) as ResponseOf<typeof recordXapiStatements>;
  }
}
