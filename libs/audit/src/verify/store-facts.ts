import type { Client } from 'pg';
import type { ChainWalker } from '../chain/chain-walker';
import type { StoreCopyReport } from './verify-report';

/** The hash the store holds at a position (undefined when there is no such row). */
export async function storeHashAt(db: Client, position: number): Promise<string | undefined> {
  const { rows } = await db.query<{ hash: string }>('select hash from es_event where position = $1', [position]);
  return rows[0]?.hash;
}

/** The relay's checkpoint: Kafka acknowledged everything up to it, so the topic must hold it all. */
export async function relayCheckpoint(db: Client, relay: string): Promise<number | null> {
  const { rows } = await db.query<{ present: boolean }>(
    `select to_regclass('outbox_checkpoint') is not null as present`,
  );
  if (!rows[0].present) return null;
  const found = await db.query<{ position: string }>('select position from outbox_checkpoint where relay = $1', [
    relay,
  ]);
  return found.rows.length ? Number(found.rows[0].position) : null;
}

/**
 * es_head must be the last record of an intact chain. When it is further on, either rows were
 * appended during the walk (fine: they are after what was verified) or rows are missing at the end
 * (a break the chain alone cannot see: nothing after them would fail to link).
 */
export async function checkStoreHead(db: Client, walker: ChainWalker): Promise<Partial<StoreCopyReport>> {
  const { rows } = await db.query<{ position: string; hash: string }>(
    'select position, hash from es_head where id = 1',
  );
  if (!rows.length) return { headAgrees: false };
  const esHead = { position: Number(rows[0].position), hash: String(rows[0].hash) };
  if (walker.firstBreak) return { esHead, headAgrees: null };
  const head = walker.head;
  if (esHead.position === head.position) return { esHead, headAgrees: esHead.hash === head.hash };
  if (esHead.position < head.position) return { esHead, headAgrees: false };
  const {
    rows: [max],
  } = await db.query<{ max: string }>('select coalesce(max(position), 0)::bigint as max from es_event');
  if (Number(max.max) > head.position) return { esHead, headAgrees: null };
  const brk = walker.expectUpTo(esHead.position, 'es_head');
  return { esHead, headAgrees: false, firstBreak: brk, ok: false };
}
