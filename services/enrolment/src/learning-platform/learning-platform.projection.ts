import type { LearningPlatformEvent } from '@kompeten/contracts';
import { projection } from '@kompeten/messaging';

/** One row per learning platform: its current registration (the mapping as jsonb) and whether it is retired. */
export const learningPlatformProjection = projection<LearningPlatformEvent>({
  name: 'learning_platform',
  async createTable(tx, t) {
    await tx.query(`create table "${t}" (
      client_id text primary key, name text not null, actor_home_page text not null, activities jsonb not null,
      revision int not null, status text not null, registered_on date not null, retired_on date)`);
  },
  on: {
    LearningPlatformRegistered: ({ data: d }, tx, t) =>
      tx.query(
        `insert into "${t}" (client_id, name, actor_home_page, activities, revision, status, registered_on)
         values ($1, $2, $3, $4::jsonb, $5, 'registered', $6)
         on conflict (client_id) do update set name = $2, actor_home_page = $3, activities = $4::jsonb,
           revision = $5, registered_on = $6`,
        [d.clientId, d.name, d.actorHomePage, JSON.stringify(d.activities), d.revision, d.registeredOn],
      ),
    LearningPlatformRetired: ({ data: d }, tx, t) =>
      tx.query(`update "${t}" set status = 'retired', retired_on = $2 where client_id = $1`, [d.clientId, d.retiredOn]),
  },
});
