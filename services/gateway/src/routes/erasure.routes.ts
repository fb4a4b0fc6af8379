import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ErasureRequestDto, PROBLEM_BASE } from '@kompeten/platform';
import type { ServiceErasureReport } from '@kompeten/event-store';
import { Access } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { Downstream } from '../downstream/service-client';
import { Forward } from '../downstream/forward';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ErasureAnswerSchema } from '../openapi/erasure-answer.schema';
import { openApiSchema } from '@kompeten/api';

/** Every service that keeps a log, and so may hold sealed personal data. */
const SERVICES: Downstream[] = ['enrolment', 'assessment', 'budget', 'feedback'];

type ServiceOutcome = { service: Downstream } & (ServiceErasureReport | { failed: string });

/** The erasure did not reach every service: what was done where, and that repeating it is safe. */
class ErasureIncomplete extends Error {
  constructor(readonly answer: object) {
    super('the erasure did not complete in every service; repeat it (it is idempotent)');
  }
  problem() {
    return {
      type: `${PROBLEM_BASE}erasure-incomplete`,
      title: 'The erasure did not complete in every service',
      status: 503,
      detail: this.message,
      retryAfterSeconds: 5,
      ...this.answer,
    };
  }
}

/**
 * Erasing a person (UU 27/2022) is an operation for admins: the request goes to every service (each
 * deletes the person's key, records PersonalDataErased in its own log and proves the result), and
 * the answer is the report — where the person's data was, and that it now reads as erased everywhere
 * with every chain intact. `npm run erase` is the same from a terminal.
 */
@ApiTags('admin')
@Controller('api/v1/admin')
export class ErasureRoutes {
  constructor(private readonly forward: Forward) {}

  @Post('erasures')
  @HttpCode(200)
  @Access({ roles: [] })
  @ApiOperation({
    summary:
      'Erase a staff member’s or a citizen respondent’s personal data in every service; answers where it was and the proof (idempotent)',
  })
  @ApiOkResponse({
    description: 'Every service erased the person: the places, the events recorded and the proof',
    schema: openApiSchema(ErasureAnswerSchema),
  })
  @ApiProblems(400)
  async erase(
    @Body() body: ErasureRequestDto,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const erasureId = body.erasureId ?? randomUUID();
    const request = { subject: body.subject, reason: body.reason, erasureId };
    // One after another: a partial erasure stays readable in the answer, and repeating it is harmless.
    const services: ServiceOutcome[] = [];
    for (const service of SERVICES) {
      try {
        const report = (await this.forward.to(service, 'POST', '/admin/erasures', req, res, {
          body: request,
        })) as ServiceErasureReport;
        services.push({ service, ...report });
      } catch (e) {
        services.push({ service, failed: (e as Error).message });
      }
    }
    const reports = services.filter((s): s is { service: Downstream } & ServiceErasureReport => !('failed' in s));
    const answer = {
      erasureId,
      subject: body.subject,
      reason: body.reason,
      complete: reports.length === SERVICES.length,
      proof: {
        fieldsReadAsErased: reports.every((r) => r.proof.fieldsReadAsErased && r.proof.keyDeleted),
        chainsVerify: reports.every((r) => r.proof.chain.ok && r.proof.chain.headAgrees),
      },
      places: reports.flatMap((r) => r.places.map((p) => ({ service: r.service, ...p }))),
      services,
    };
    if (!answer.complete) throw new ErasureIncomplete(answer);
    res.status(HttpStatus.OK);
    return answer;
  }
}
