import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetCompetencyDictionaryQuery } from './get-competency-dictionary.query';

@ApiTags('competencies')
@Controller('competencies')
export class GetCompetencyDictionaryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOkResponse({
    description:
      '{ levels: [1..5], competencies: [{ code, name, competencyType, source, description, levelDescriptions }] }',
  })
  dictionary() {
    return this.queries.execute(new GetCompetencyDictionaryQuery());
  }
}
