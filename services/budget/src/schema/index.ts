import { CreateCommitmentIndex1764400000000 } from './1764400000000-create-commitment-index';
import { CreateRequestIndex1765100000000 } from './1765100000000-create-request-index';

/** The budget service's own tables, after the event store's and messaging's. */
export const budgetMigrations = [CreateCommitmentIndex1764400000000, CreateRequestIndex1765100000000];
