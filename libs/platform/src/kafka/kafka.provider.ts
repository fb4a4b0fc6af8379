import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Admin, Kafka, logLevel } from 'kafkajs';
import { ReadinessCheck } from '../health/readiness-check';

/** The service's one Kafka client, plus a lazily connected admin used for readiness. */
@Injectable()
export class KafkaClient implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  readonly kafka: Kafka;
  private admin?: Admin;

  constructor(
    readonly brokers: string[],
    readonly clientId: string,
  ) {
    this.kafka = new Kafka({
      clientId,
      brokers,
      logLevel: logLevel.WARN,
      connectionTimeout: 3000,
      retry: { retries: 5, initialRetryTime: 200 },
    });
  }

  async check(): Promise<void> {
    try {
      this.admin ??= this.kafka.admin({ retry: { retries: 0 } });
      await this.admin.connect();
      await this.admin.describeCluster();
    } catch (e) {
      // Drop the admin so that the next probe reconnects from scratch after a broker restart.
      const stale = this.admin;
      this.admin = undefined;
      await stale?.disconnect().catch(() => undefined);
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
