export { TOPICS, eventTopic, deadLetterTopic } from "./topics";
export type { TopicSpec, EventProducingService } from './topics';
