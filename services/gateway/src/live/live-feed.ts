import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Consumer } from 'kafkajs';
import { Subject } from 'rxjs';
import { GatewayConfig } from '@kompeten/config';
import { eventTopic } from '@kompeten/contracts';
import { decodeMessage } from '@kompeten/messaging';
import { InjectConfig, KafkaClient } from '@kompeten/platform';
import { Cursor, LiveEvent, toLiveEvent } from './live-event';

const SERVICES = ['enrolment', 'assessment', 'budget', 'feedback'] as const;
const BUFFER = 5000;

/**
 * Follows every service's event topic for dashboards. Each gateway replica reads all partitions
 * itself (its own consumer group, from "now"), keeps the last 5,000 events to resume a dropped
 * connection, and fans events out to the open streams. It holds nothing durable.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('LiveFeed');
  private readonly recent: LiveEvent[] = [];
  readonly events$ = new Subject<LiveEvent>();
  private consumer?: Consumer;
  private starting?: Promise<void>;
  private stopped = false;
  private joined!: () => void;
  /** Streams open per token (Principal.tokenId): at most LIVE_FEEDS_PER_TOKEN each. */
  private readonly openPerToken = new Map<string, number>();
  /** Resolves once the feed's consumer has joined and holds its partitions (tests wait on it). */
  readonly ready = new Promise<void>((resolve) => (this.joined = resolve));

  constructor(
    private readonly kafka: KafkaClient,
    @InjectConfig() private readonly config: GatewayConfig,
  ) {}

  /**
   * Takes one of a token's LIVE_FEEDS_PER_TOKEN streams: the release (idempotent) to call when the
   * stream ends, or nothing when the token has them all open — a stolen or looping token cannot
   * hold a replica's connections.
   */
  claim(tokenId: string): (() => void) | undefined {
    const open = this.openPerToken.get(tokenId) ?? 0;
    if (open >= this.config.LIVE_FEEDS_PER_TOKEN) return undefined;
    this.openPerToken.set(tokenId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.openPerToken.get(tokenId) ?? 1) - 1;
      if (left > 0) this.openPerToken.set(tokenId, left);
      else this.openPerToken.delete(tokenId);
    };
  }

  onApplicationBootstrap() {
    // In the background: a broker that is down delays the feed, never the gateway's start.
    this.starting = this.start().catch((e) => this.log.warn(`live feed not started: ${(e as Error).message}`));
  }

  private async start() {
    const topicToService = new Map<string, string>(SERVICES.map((s) => [eventTopic(s), s]));
    this.consumer = this.kafka.kafka.consumer({
      groupId: `kompeten-gateway-live-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.joined());
    await this.consumer.connect();
    if (this.stopped) return;
    await this.consumer.subscribe({ topics: [...topicToService.keys()], fromBeginning: false });
    await this.consumer.run({
      eachMessage: ({ topic, message }) => {
        try {
          this.publish(toLiveEvent(topicToService.get(topic)!, decodeMessage(message)));
        } catch {
          /* not an event: consumers dead-letter it; the feed just skips it */
        }
        return Promise.resolve();
      },
    });
  }

  publish(event: LiveEvent) {
    this.recent.push(event);
    if (this.recent.length > BUFFER) this.recent.splice(0, this.recent.length - BUFFER);
    this.events$.next(event);
  }

  /** The newest position seen per service: where a new stream's cursor starts. */
  latest(): Cursor {
    const cursor: Cursor = {};
    for (const e of this.recent) cursor[e.service] = Math.max(cursor[e.service] ?? 0, e.position);
    return cursor;
  }

  /** Buffered events after a resume cursor, in arrival order. */
  since(cursor: Cursor): LiveEvent[] {
    return this.recent.filter((e) => e.position > (cursor[e.service] ?? 0));
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    this.events$.complete();
    await this.starting; // never disconnect half-way through a connect
    await this.consumer?.disconnect().catch(() => undefined);
  }
}
