import { CreateEventStore1732000000000 } from './1732000000000-create-event-store';
import { CreatePersonalKeys1732000000001 } from './1732000000001-create-personal-keys';
import { CreateCommandAnswers1732000000021 } from './1732000000021-create-command-answers';
import { WrapPersonalKeys1768100000000 } from './1768100000000-wrap-personal-keys';
import { IndexSubStreams1768300000000 } from './1768300000000-index-sub-streams';

/** The event store's migrations, in order; every service lists them first in its own. */
export const eventStoreMigrations = [
  CreateEventStore1732000000000,
  CreatePersonalKeys1732000000001,
  CreateCommandAnswers1732000000021,
  WrapPersonalKeys1768100000000,
  IndexSubStreams1768300000000,
];
