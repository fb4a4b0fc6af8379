import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { EventRecord, GENESIS_HASH } from '@kompeten/event-store';
import { ChainWalker } from '../chain/chain-walker';
import { StoreSource } from '../sources/store-source';
import { AuditDatabase } from './audit-database';
import { AUDIT_HTTP_OPTIONS, AuditHttpOptions } from './audit-http.options';

const HASH = /^[0-9a-f]{64}$/;
const MAX_EVENTS = 1000;
const MAX_CHAIN = 20_000;

function whole(value: string | undefined, field: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || n > max)
    throw new BadRequestException({ errors: [{ field, message: `must be a whole number from 0 to ${max}` }] });
  return n;
}

function instant(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new BadRequestException({ errors: [{ field, message: 'must be an ISO 8601 time' }] });
  return new Date(value).toISOString();
}

/**
 * The auditors' read-only HTTP view of this service's own log (the gateway forwards
 * `/api/v1/audit/<service>/…` here for the auditor role). Bounded work per request: the chain is
 * verified in windows anchored on a hash the auditor already holds, and events come in pages.
 * Whole-log verification against Kafka, replays and diffs are the CLI's (`npm run audit`).
 */
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(AUDIT_HTTP_OPTIONS) private readonly options: AuditHttpOptions,
    private readonly database: AuditDatabase,
  ) {}

  /** The chain's head as es_head holds it, and how far the outbox relay has published. */
  @Get('head')
  async head() {
    const db = this.database.pool;
    const [head] = (
      await db.query<{ position: string; hash: string }>('select position, hash from es_head where id = 1')
    ).rows;
    const relay = (
      await db
        .query<{ position: string }>(`select position from outbox_checkpoint where relay = $1`, [
          `${this.options.service}-relay`,
        ])
        .catch(() => ({ rows: [] }))
    ).rows[0];
    return {
      service: this.options.service,
      head: { position: Number(head.position), hash: head.hash },
      relayedUpTo: relay ? Number(relay.position) : null,
    };
  }

  /**
   * Recomputes the chain for the positions after `after`, linked to `anchor` (the hash at `after`,
   * from the auditor's previous window; the genesis hash for after=0). Loop on `next` to cover a log.
   */
  @Get('chain')
  async chain(
    @Query('after') afterText?: string,
    @Query('anchor') anchor?: string,
    @Query('limit') limitText?: string,
  ) {
    const after = whole(afterText, 'after', 0);
    const limit = whole(limitText, 'limit', 5000, MAX_CHAIN) || 5000;
    if (after > 0 && (!anchor || !HASH.test(anchor)))
      throw new BadRequestException({
        errors: [
          {
            field: 'anchor',
            message: 'the hash at position `after` (64 lowercase hex digits), from the previous window',
          },
        ],
      });
    const walker = new ChainWalker({ position: after, hash: after === 0 ? GENESIS_HASH : anchor! });
    const source = new StoreSource(this.database.pool, { bounded: true, pageSize: Math.min(limit, 2000) });
    let seen = 0;
    for await (const r of source.records({ position: after })) {
      seen++;
      if (walker.check(r) || seen >= limit) break;
    }
    const end = source.progress();
    const reachedHead = !walker.firstBreak && walker.head.position >= end.total + after;
    return {
      service: this.options.service,
      after,
      checked: walker.count,
      head: walker.head,
      ok: !walker.firstBreak,
      ...(walker.firstBreak ? { firstBreak: walker.firstBreak } : {}),
      next: walker.firstBreak || reachedHead ? null : { after: walker.head.position, anchor: walker.head.hash },
    };
  }

  /** Stored records with their hashes (the export form, one page), filtered as `audit export` filters. */
  @Get('events')
  async events(
    @Query('after') afterText?: string,
    @Query('limit') limitText?: string,
    @Query('stream') stream?: string,
    @Query('type') type?: string | string[],
    @Query('from') from?: string,
    @Query('to') to?: string,
  ) {
    const after = whole(afterText, 'after', 0);
    const limit = whole(limitText, 'limit', 100, MAX_EVENTS) || 100;
    const types = type === undefined ? undefined : Array.isArray(type) ? type : type.split(',');
    const filter = {
      ...(stream ? { streamId: stream } : {}),
      ...(types?.length ? { types } : {}),
      recordedFrom: instant(from, 'from'),
      recordedTo: instant(to, 'to'),
    };
    const source = new StoreSource(this.database.pool, { filter, bounded: true, pageSize: limit });
    const events: (EventRecord & { service: string })[] = [];
    for await (const r of source.records({ position: after })) {
      events.push({ service: this.options.service, ...r });
      if (events.length >= limit) break;
    }
    return {
      service: this.options.service,
      events,
      next: events.length === limit ? events[events.length - 1].position : null,
    };
  }
}
