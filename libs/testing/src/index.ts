export { createTestDatabase, migratedDataSource } from './test-database';
export type { TestDatabase } from './test-database';
export { testBrokers, testKafka, createTestTopics, uniqueName, eventually } from './test-kafka';
