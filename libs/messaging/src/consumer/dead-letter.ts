import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { PoisonReason } from '../wire/poison-message.error';

/** Why a message was parked: a PoisonReason, an event version nobody can upcast, or a handler that kept failing. */
export type DeadLetterReason = PoisonReason | 'unknown-schema-version' | 'handler-failed';

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  error: 'dlq-error',
  sourceTopic: 'dlq-source-topic',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  consumer: 'dlq-consumer',
} as const;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  offset: string;
  consumer: string;
}

/**
 * The message as received (key, value and headers byte for byte, so it can be replayed onto the
 * source topic once fixed) plus where it came from and why it was parked.
 */
export function deadLetterMessage(
  message: KafkaMessage,
  source: DeadLetterSource,
  reason: DeadLetterReason,
  error: unknown,
): Message {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [DLQ_HEADERS.reason]: reason,
    [DLQ_HEADERS.error]: (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 4000),
    [DLQ_HEADERS.sourceTopic]: source.topic,
    [DLQ_HEADERS.sourcePartition]: String(source.partition),
    [DLQ_HEADERS.sourceOffset]: source.offset,
    [DLQ_HEADERS.consumer]: source.consumer,
  };
  return { key: message.key, value: message.value, headers };
}
