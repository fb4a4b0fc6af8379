import topics from './topics.json';

export type EventProducingService = 'enrolment' | 'assessment' | 'budget' | 'feedback';

export interface TopicSpec {
  name: string;
  service: EventProducingService;
  kind: 'events' | 'dead-letter';
  partitions: number;
  config: Record<string, string | number>;
}

/** Every Kafka topic of Kompeten; created explicitly (auto-create is off) by deploy/kafka/broker.mjs. */
export const TOPICS = topics as TopicSpec[];

/** The topic a service publishes its events to (key = stream id; kept forever for auditors). */
export const eventTopic = (service: EventProducingService) => `kompeten.${service}.events`;

/** Where a consumer parks messages it cannot apply, with the reason in headers. */
export const deadLetterTopic = (topic: string) => `${topic}.dlq`;
