import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Clock } from '@kompeten/platform';
import { periodOf } from '../../ikm/survey-period';
import { cityDate } from '../../shared/city-date';
import { periodOrFail } from '../../shared/parse-period.pipe';
import { UnitFilterRequest } from '@kompeten/api';
import { GetLeagueTableQuery } from './get-league-table.query';

@ApiTags('ikm')
@Controller('league-table')
export class GetLeagueTableController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Units by IKM; units below their sample target are listed unranked' })
  leagueTable(@Query() q: UnitFilterRequest) {
    const period = q.period ? periodOrFail(q.period, 'period') : periodOf(cityDate(this.clock.now()), 'quarter');
    return this.queries.execute(new GetLeagueTableQuery(period, { opd: q.opd, kind: q.kind }));
  }
}
