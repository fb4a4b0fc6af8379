import { Body, Controller, Get, Header, Post, Query, Req, Res, SetMetadata } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandAccepted, PeriodQueryRequest, SubmitSurveyResponseRequest } from '@kompeten/api';
import { Public } from '../auth/access.decorator';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { DownstreamProblem, Forward } from '../downstream/forward';
import { ServiceClient } from '../downstream/service-client';
import { ApiPublicProblems } from '../openapi/api-problems.decorator';
import { PUBLIC_SURVEY } from '../rate-limit.guard';

interface LeagueRow {
  unitCode: string;
  name: string;
  opd: string;
  kind: string;
  responses: number;
  sampleTarget: number;
  sampleAdequate: boolean;
  ikm: number | null;
  grade: string | null;
  gradeLabel: string | null;
  rank: number | null;
}
const CACHE_SECONDS = 300;

/** What citizens may see and do without an account (the seed asks for transparency). */
@ApiTags('public')
@Controller('api/v1/public')
export class PublicRoutes {
  private cache = new Map<string, { at: number; body: unknown }>();
  constructor(
    private readonly forward: Forward,
    private readonly client: ServiceClient,
  ) {}

  @Get('scorecards')
  @Public()
  @Header('Cache-Control', `public, max-age=${CACHE_SECONDS}`)
  @ApiOperation({
    summary: 'Every service unit’s IKM and grade for a period — aggregates only, never comments or staff data',
  })
  @ApiOkResponse({ description: 'Scorecards (cached for 5 minutes)' })
  @ApiPublicProblems(400)
  async scorecards(@Query() q: PeriodQueryRequest) {
    const key = q.period ?? 'current';
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_SECONDS * 1000) return hit.body;
    const answer = await this.client.call('feedback', 'GET', '/league-table', { query: { period: q.period } });
    if (answer.status >= 400) throw new DownstreamProblem(answer);
    const table = answer.body as { period: unknown; units: LeagueRow[] };
    const body = {
      period: table.period,
      units: (table.units ?? []).map((u) => ({
        unitCode: u.unitCode,
        name: u.name,
        opd: u.opd,
        kind: u.kind,
        ikm: u.ikm,
        grade: u.grade,
        gradeLabel: u.gradeLabel,
        responses: u.responses,
        sampleTarget: u.sampleTarget,
        sampleAdequate: u.sampleAdequate,
        rank: u.rank,
      })),
    };
    this.cache.set(key, { at: Date.now(), body });
    return body;
  }

  @Post('survey-responses')
  @Public()
  @SetMetadata(PUBLIC_SURVEY, true)
  @ApiOperation({ summary: 'A citizen’s SKM response from a QR form (no account; limited per client address)' })
  @ApiCreatedResponse({ type: CommandAccepted })
  @ApiOkResponse({ description: 'Already received (same submissionId)' })
  @ApiPublicProblems(400, 404, 409)
  submit(
    @Body() body: SubmitSurveyResponseRequest,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.forward.to('feedback', 'POST', '/survey-responses', req, res, { body });
  }
}
