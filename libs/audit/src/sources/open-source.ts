import type { Kafka } from 'kafkajs';
import type { AuditTarget } from '../shared/audit-settings';
import { UsageError } from '../shared/audit-settings';
import { KafkaSource } from './kafka-source';
import type { RecordSource, SourceKind } from './record-source';
import { RecordFilter, StoreSource } from './store-source';

export function parseSourceKind(value: string | undefined, fallback: SourceKind = 'store'): SourceKind {
  const v = value ?? fallback;
  if (v !== 'store' && v !== 'kafka') throw new UsageError(`--source must be store or kafka, not ${JSON.stringify(v)}`);
  return v;
}

/** The chosen copy of one service's log. `bounded`: the store stops at its head as the read began. */
export function openSource(
  kind: SourceKind,
  target: AuditTarget,
  kafka: () => Kafka,
  options: { filter?: RecordFilter; bounded?: boolean } = {},
): RecordSource {
  return kind === 'store' ? new StoreSource(target.databaseUrl, options) : new KafkaSource(kafka(), target.topic);
}
