export { TOPICS, eventTopic, deadLetterTopic } from './topics';
export type { TopicSpec, EventProducingService } from './topics';
export { currentVersions } from './event-contract';
export type { EventContract } from './event-contract';
export { parseNip } from './nip';
export type { Nip, NipPart, NipResult } from './nip';
export * from './enrolment';
export * from './budget';
