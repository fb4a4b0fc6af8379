import {
  BadRequestException,
  Controller,
  Get,
  Injectable,
  Param,
  PipeTransform,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Downstream } from '../downstream/service-client';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { openApiSchema } from '@kompeten/api';
import { AuditChainSchema, AuditEventsSchema, AuditHeadSchema } from '../openapi/audit-answers.schema';

const AUDITED: Downstream[] = ['enrolment', 'assessment', 'budget', 'feedback'];

/** The services that keep an event log (the gateway keeps none). */
@Injectable()
export class AuditedServicePipe implements PipeTransform<string, Downstream> {
  transform(value: string): Downstream {
    if (!(AUDITED as string[]).includes(value))
      throw new BadRequestException({
        errors: [{ field: 'service', message: `must be one of ${AUDITED.join(', ')}` }],
      });
    return value as Downstream;
  }
}

export class AuditChainQuery {
  @ApiPropertyOptional({ example: 0, description: 'Verify the positions after this one (0: from the start)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @ApiPropertyOptional({
    description: 'The hash at position `after`, from the previous window (required when after > 0)',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/)
  anchor?: string;
  @ApiPropertyOptional({ example: 5000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20000) limit?: number;
}

export class AuditEventsQuery {
  @ApiPropertyOptional({ example: 0, description: 'Records after this position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @ApiPropertyOptional({ example: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ example: 'staff-198609262015051001' })
  @IsOptional()
  @Matches(/^[\w.:-]{1,200}$/)
  stream?: string;
  @ApiPropertyOptional({ example: 'StaffTransferred,TrainingCompleted', description: 'Comma-separated event types' })
  @IsOptional()
  @Matches(/^[A-Za-z]+(,[A-Za-z]+)*$/)
  type?: string;
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+07:00', description: 'recordedAt ≥ from' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+07:00', description: 'recordedAt < to' })
  @IsOptional()
  @IsDateString()
  to?: string;
}

/**
 * The auditors' read-only API over each service's own event log (libs/audit's AuditHttpModule in
 * the service). Whole-log verification against Kafka, replays and diffs: `npm run audit`.
 */
@ApiTags('audit')
@Controller('api/v1/audit')
export class AuditRoutes {
  constructor(private readonly forward: Forward) {}

  @Get(':service/head')
  @Access({ roles: ['auditor'] })
  @ApiOperation({
    summary: 'The head of a service’s hash chain (position and hash) and how far its relay has published to Kafka',
  })
  @ApiOkResponse({ description: 'The head', schema: openApiSchema(AuditHeadSchema) })
  @ApiProblems(400)
  head(
    @Param('service', AuditedServicePipe) service: Downstream,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(service, 'GET', '/audit/head', req, res);
  }

  @Get(':service/chain')
  @Access({ roles: ['auditor'] })
  @ApiOperation({
    summary:
      'Recompute a window of a service’s hash chain, linked to a hash the auditor holds; follow `next` to cover the log',
  })
  @ApiOkResponse({
    description: 'Events checked, the head reached, the first break if any',
    schema: openApiSchema(AuditChainSchema),
  })
  @ApiProblems(400)
  chain(
    @Param('service', AuditedServicePipe) service: Downstream,
    @Query() q: AuditChainQuery,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(service, 'GET', '/audit/chain', req, res, {
      query: { after: q.after, anchor: q.anchor, limit: q.limit },
    });
  }

  @Get(':service/events')
  @Access({ roles: ['auditor'] })
  @ApiOperation({ summary: 'Stored events with their hashes (the export form), a page at a time; follow `next`' })
  @ApiOkResponse({ description: 'A page of events', schema: openApiSchema(AuditEventsSchema) })
  @ApiProblems(400)
  events(
    @Param('service', AuditedServicePipe) service: Downstream,
    @Query() q: AuditEventsQuery,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(service, 'GET', '/audit/events', req, res, {
      query: { after: q.after, limit: q.limit, stream: q.stream, type: q.type, from: q.from, to: q.to },
    });
  }
}
