import { DataSource } from 'typeorm';
import { COMPETENCY_LEVELS } from '@kompeten/contracts';
import { getCompetencyDictionary } from '@kompeten/api';
import { Handles, type UseCaseHandler } from '@kompeten/platform';
import { competencyDictionary } from '../competency-names';

/** The competency dictionary: the 9 national competencies and the agency's teknis ones, assessed on levels 1..5. */
@Handles(getCompetencyDictionary)
export class GetCompetencyDictionaryHandler implements UseCaseHandler<typeof getCompetencyDictionary> {
  constructor(private readonly db: DataSource) {}

  async handle() {
    return { levels: [...COMPETENCY_LEVELS], competencies: await competencyDictionary(this.db) };
  }
}
