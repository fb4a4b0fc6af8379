import { Client } from 'pg';
import type { Kafka } from 'kafkajs';
import { GENESIS_HASH } from '@kompeten/event-store';
import { ChainWalker } from '../chain/chain-walker';
import type { AuditTarget } from '../shared/audit-settings';
import { Progress, ProgressOutput } from '../shared/progress';
import { KafkaSource } from '../sources/kafka-source';
import type { RecordSource } from '../sources/record-source';
import { StoreSource } from '../sources/store-source';
import { checkStoreHead, relayCheckpoint, storeHashAt } from './store-facts';
import type { Agreement, KafkaCopyReport, ServiceVerification, StoreCopyReport } from './verify-report';

export interface VerifyOptions {
  kafka: () => Kafka;
  /** Which copies to recompute (default both). */
  copies?: { store: boolean; kafka: boolean };
  signal?: AbortSignal;
  progress?: ProgressOutput;
}

/**
 * Recomputes one service's hash chain from the store and, independently, from its Kafka topic
 * read from the first offset; then says whether the two copies hold the same events.
 */
export async function verifyService(target: AuditTarget, o: VerifyOptions): Promise<ServiceVerification> {
  const copies = o.copies ?? { store: true, kafka: true };
  const report: ServiceVerification = { service: target.service, topic: target.topic, ok: true, interrupted: false };
  const db = new Client({ connectionString: target.databaseUrl, application_name: 'kompeten-audit' });
  await db.connect();
  try {
    if (copies.store) {
      const walk = await walkChain(new StoreSource(target.databaseUrl), `verify ${target.service} store`, o);
      const store: StoreCopyReport = { ...walk.summary(), headAgrees: null };
      if (!walk.interrupted) Object.assign(store, await checkStoreHead(db, walk.walker));
      report.store = store;
      report.interrupted ||= walk.interrupted;
    }
    if (copies.kafka && !report.interrupted) {
      const checkpoint = await relayCheckpoint(db, target.relayName);
      const source = new KafkaSource(o.kafka(), target.topic);
      const walk = await walkChain(source, `verify ${target.service} kafka`, o, report.store?.headPosition);
      if (!walk.interrupted && checkpoint !== null)
        walk.walker.expectUpTo(checkpoint, `the relay's checkpoint (${target.relayName})`);
      const findings = source.findings() ?? {
        messages: 0,
        duplicates: 0,
        conflictingDuplicates: [],
        undecodable: [],
        uncomparedDuplicates: 0,
      };
      const kafka: KafkaCopyReport = { ...walk.summary(), findings, relayCheckpoint: checkpoint };
      kafka.ok &&= findings.conflictingDuplicates.length === 0 && findings.undecodable.length === 0;
      report.kafka = kafka;
      report.interrupted ||= walk.interrupted;
      if (report.store && !walk.interrupted)
        report.agreement = await agreement(db, report.store, kafka, walk.probeHash);
    }
  } finally {
    await db.end().catch(() => undefined);
  }
  report.ok =
    !report.interrupted &&
    (report.store?.ok ?? true) &&
    report.store?.headAgrees !== false &&
    (report.kafka?.ok ?? true) &&
    (report.agreement?.agree ?? true);
  return report;
}

async function walkChain(source: RecordSource, label: string, o: VerifyOptions, probe?: number) {
  const walker = new ChainWalker();
  const progress = new Progress(label, () => source.progress(), o.progress);
  let probeHash: string | undefined;
  for await (const r of source.records({ position: 0 }, o.signal)) {
    progress.tick();
    if (walker.check(r)) break;
    if (r.position === probe) probeHash = r.hash;
  }
  progress.finish();
  const summary = () => {
    const head = walker.head;
    return {
      count: walker.count,
      headPosition: head.position,
      headHash: head.hash,
      ok: !walker.firstBreak,
      ...(walker.firstBreak ? { firstBreak: walker.firstBreak } : {}),
    };
  };
  return { walker, probeHash, interrupted: Boolean(o.signal?.aborted), summary };
}

/** Same hash at the last position both copies verified up to ⇒ same events up to there (the chain links them). */
async function agreement(
  db: Client,
  store: StoreCopyReport,
  kafka: KafkaCopyReport,
  kafkaHashAtStoreHead?: string,
): Promise<Agreement> {
  const S = store.headPosition;
  const K = kafka.headPosition;
  const m = Math.min(S, K);
  const storeAt = m === S ? store.headHash : await storeHashAt(db, m);
  const kafkaAt = m === K ? kafka.headHash : m === 0 ? GENESIS_HASH : kafkaHashAtStoreHead;
  const result = (agree: boolean, detail: string): Agreement => ({
    agree,
    comparedAt: m,
    kafkaBehindBy: Math.max(S - K, 0),
    detail,
  });
  if (storeAt !== kafkaAt)
    return result(
      false,
      `the copies differ at or before position ${m} (store ${storeAt ?? 'nothing'}, Kafka ${kafkaAt ?? 'nothing'})`,
    );
  if (K <= S)
    return result(
      true,
      `same hash at position ${m}${S > K ? `; Kafka is ${S - K} event(s) behind the store (relay lag)` : ''}`,
    );
  if (store.firstBreak)
    return result(
      false,
      `same events up to position ${m}; Kafka goes on to ${K} where the store's chain breaks at ${store.firstBreak.position}`,
    );
  // Kafka verified further than the store: the log grew during the run, or the store lost its end.
  const storeAtK = await storeHashAt(db, K);
  if (storeAtK === kafka.headHash)
    return result(
      true,
      `same hash at position ${m}; the log grew to ${K} during the run and the store's position ${K} matches Kafka`,
    );
  return result(
    false,
    `Kafka holds events up to position ${K} but the store's verified log ends at ${S}: the store lost events`,
  );
}
