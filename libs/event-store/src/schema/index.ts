import { CreateEventStore1732000000000 } from './1732000000000-create-event-store';

/** The event store's migrations, in order; every service lists them first in its own. */
export const eventStoreMigrations = [CreateEventStore1732000000000];
