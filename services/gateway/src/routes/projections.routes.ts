import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Injectable,
  Param,
  PipeTransform,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { openApiSchema } from '@kompeten/api';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Downstream } from '../downstream/service-client';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ProjectionStatusListSchema, ProjectionStatusSchema } from '../openapi/projection-status.schema';
import { AuditedServicePipe } from './audit.routes';

/** A projection's name as the services register them (e.g. enrolment_history). */
@Injectable()
export class ProjectionNamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(value))
      throw new BadRequestException({
        errors: [{ field: 'name', message: 'must be a projection name such as enrolment_history' }],
      });
    return value;
  }
}

/**
 * The operators' handle on each service's read models: status, and a rebuild from position 0 beside the
 * live table. A service answers its `/admin/*` routes only for an identity the gateway signed with the
 * admin role, so operators come through here with an admin token (deploy/RUNBOOK.md).
 */
@ApiTags('admin')
@Controller('api/v1/admin/projections')
export class ProjectionsRoutes {
  constructor(private readonly forward: Forward) {}

  @Get(':service')
  @Access({ roles: [] })
  @ApiOperation({ summary: 'Each read model of a service: the position it has reached and the log’s head' })
  @ApiParam({ name: 'service', enum: ['enrolment', 'assessment', 'budget', 'feedback'] })
  @ApiOkResponse({ description: 'One entry per projection', schema: openApiSchema(ProjectionStatusListSchema) })
  @ApiProblems(400)
  list(
    @Param('service', AuditedServicePipe) service: Downstream,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(service, 'GET', '/admin/projections', req, res);
  }

  @Post(':service/:name/rebuild')
  @HttpCode(200)
  @Access({ roles: [] })
  @ApiOperation({
    summary: 'Rebuild a read model from the start of the log beside the live one, swapped in when caught up',
  })
  @ApiParam({ name: 'service', enum: ['enrolment', 'assessment', 'budget', 'feedback'] })
  @ApiOkResponse({ description: 'The rebuilt projection', schema: openApiSchema(ProjectionStatusSchema) })
  @ApiProblems(400, 404)
  rebuild(
    @Param('service', AuditedServicePipe) service: Downstream,
    @Param('name', ProjectionNamePipe) name: string,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to(service, 'POST', `/admin/projections/${name}/rebuild`, req, res);
  }
}
