import { CreateCommitmentIndex1764400000000 } from './1764400000000-create-commitment-index';

/** The budget service's own tables, after the event store's and messaging's. */
export const budgetMigrations = [CreateCommitmentIndex1764400000000];
