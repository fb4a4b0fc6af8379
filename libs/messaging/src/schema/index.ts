import { CreateOutboxCheckpoint1732000000100 } from './1732000000100-create-outbox-checkpoint';
import { CreateProcessedMessages1732000000101 } from './1732000000101-create-processed-messages';
import { CreateProjectionCheckpoints1732000000102 } from './1732000000102-create-projection-checkpoints';
import { CreateOutboxParked1732000000103 } from './1732000000103-create-outbox-parked';

/** The messaging tables' migrations, in order; services list them after `eventStoreMigrations`. */
export const messagingMigrations = [
  CreateOutboxCheckpoint1732000000100,
  CreateProcessedMessages1732000000101,
  CreateProjectionCheckpoints1732000000102,
  CreateOutboxParked1732000000103,
];
