import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '@kompeten/config';
import { InjectConfig } from '@kompeten/platform';

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/** A row of idempotency_record (create-idempotency-records.migration.ts): `complete` sets status, headers and body. */
type IdempotencyRow = { request_hash: string } & (
  | { state: 'in-progress'; status: null; headers: null; body: null }
  | { state: 'done'; status: number; headers: Record<string, string> | null; body: string | null }
);

/**
 * Durable Idempotency-Key records in the gateway's database, expiring after a day by default. An
 * `in-progress` claim is a lease of IDEMPOTENCY_LEASE_SECONDS: `created_at` is when it was (last) claimed.
 */
@Injectable()
export class IdempotencyStore implements OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;
  private readonly leaseSeconds: number;
  constructor(
    private readonly db: DataSource,
    @InjectConfig() config: GatewayConfig,
  ) {
    this.leaseSeconds = config.IDEMPOTENCY_LEASE_SECONDS;
  }

  readonly ttlHours = 24;

  onModuleInit() {
    this.sweeper = setInterval(
      () => void this.db.query('delete from idempotency_record where expires_at < now()').catch(() => undefined),
      10 * 60_000,
    );
    this.sweeper.unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweeper);
  }

  /**
   * Claims the key for this request — a new key, or the same request's claim left `in-progress` for
   * longer than the lease — or says what happened to the first request that used it.
   */
  async claim(principal: string, key: string, requestHash: string): Promise<Claim> {
    await this.db.query('delete from idempotency_record where principal = $1 and key = $2 and expires_at < now()', [
      principal,
      key,
    ]);
    const inserted = await this.db.query<{ key: string }[]>(
      `insert into idempotency_record as r (principal, key, request_hash, state, expires_at)
       values ($1, $2, $3, 'in-progress', now() + make_interval(hours => $4))
       on conflict (principal, key) do update set created_at = now(), expires_at = excluded.expires_at
         where r.state = 'in-progress' and r.request_hash = excluded.request_hash
           and r.created_at < now() - make_interval(secs => $5)
       returning key`,
      [principal, key, requestHash, this.ttlHours, this.leaseSeconds],
    );
    if (inserted.length) return { kind: 'new' };
    const [r] = await this.db.query<IdempotencyRow[]>(
      'select request_hash, state, status, headers, body from idempotency_record where principal = $1 and key = $2',
      [principal, key],
    );
    if (!r) return this.claim(principal, key, requestHash); // expired and swept in between
    if (r.request_hash !== requestHash) return { kind: 'mismatch' };
    if (r.state === 'in-progress') return { kind: 'in-progress' };
    return { kind: 'replay', status: r.status, headers: r.headers ?? {}, body: r.body ?? '' };
  }

  async complete(
    principal: string,
    key: string,
    status: number,
    headers: Record<string, string>,
    body: string,
  ): Promise<void> {
    await this.db.query(
      `update idempotency_record set state = 'done', status = $3, headers = $4, body = $5 where principal = $1 and key = $2`,
      [principal, key, status, JSON.stringify(headers), body],
    );
  }

  /** The first attempt failed in a way worth retrying (5xx, 503): forget it, so the retry runs. */
  async release(principal: string, key: string): Promise<void> {
    await this.db.query(`delete from idempotency_record where principal = $1 and key = $2 and state = 'in-progress'`, [
      principal,
      key,
    ]);
  }
}
