import { DataSource } from 'typeorm';
import { listLearningPlatforms, type ResponseOf } from '@kompeten/api';
import { Handles, type UseCaseHandler } from '@kompeten/platform';

type Item = ResponseOf<typeof listLearningPlatforms>['items'][number];

/** The registry as its read model holds it (learning_platform), by client id. */
@Handles(listLearningPlatforms)
export class ListLearningPlatformsHandler implements UseCaseHandler<typeof listLearningPlatforms> {
  constructor(private readonly db: DataSource) {}

  async handle(): Promise<ResponseOf<typeof listLearningPlatforms>> {
    // Dates as text: node-postgres would turn a `date` into a Date at the server's local midnight.
    const items = await this.db.query<Item[]>(
      `select client_id as "clientId", name, actor_home_page as "actorHomePage", activities, revision, status,
              registered_on::text as "registeredOn", retired_on::text as "retiredOn"
         from learning_platform order by client_id`,
    );
    return { items };
  }
}
