import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { COMPETENCY_LEVELS } from '@kompeten/contracts';
import { competencyDictionary } from '../competency-names';
import { GetCompetencyDictionaryQuery } from './get-competency-dictionary.query';

/** The competency dictionary: the 9 national competencies and the agency's teknis ones, assessed on levels 1..5. */
@QueryHandler(GetCompetencyDictionaryQuery)
export class GetCompetencyDictionaryHandler implements IQueryHandler<GetCompetencyDictionaryQuery> {
  constructor(private readonly db: DataSource) {}

  async execute() {
    return { levels: [...COMPETENCY_LEVELS], competencies: await competencyDictionary(this.db) };
  }
}
