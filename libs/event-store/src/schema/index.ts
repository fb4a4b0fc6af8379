import { CreateEventStore1732000000000 } from './1732000000000-create-event-store';
import { CreatePersonalKeys1732000000001 } from './1732000000001-create-personal-keys';

/** The event store's migrations, in order; every service lists them first in its own. */
export const eventStoreMigrations = [CreateEventStore1732000000000, CreatePersonalKeys1732000000001];
