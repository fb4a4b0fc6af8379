export { createTestDatabase, migratedDataSource } from './test-database';
export type { TestDatabase } from './test-database';
export { testBrokers, testKafka, createTestTopics, uniqueName, eventually } from './test-kafka';
export { topicEnd, tailTopic } from './topic-tail';
export type { TailedMessage } from './topic-tail';
export { createTestAuth } from './test-auth';
export type { TestAuth } from './test-auth';
export { readSse } from './sse-reader';
export type { SseMessage } from './sse-reader';
