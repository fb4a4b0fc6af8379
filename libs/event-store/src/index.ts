export { eventStoreMigrations } from './schema';
