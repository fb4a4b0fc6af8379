import { Kafka, logLevel } from 'kafkajs';
import type { Writable } from 'node:stream';
import type { EventProducingService } from '@kompeten/contracts';
import type { ReadModel } from '../replay/read-model';
import {
  AuditEnvironment,
  AuditTarget,
  brokersOf,
  targetResolver,
  UsageError,
  workDatabaseUrl,
} from '../shared/audit-settings';
import type { ProgressOutput } from '../shared/progress';
import type { CliValues } from './cli-options';

/** What the CLI talks to: streams, environment, and the signal that Ctrl-C aborts. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable & ProgressOutput;
  env: AuditEnvironment;
  signal: AbortSignal;
}

/** Everything a command needs from the command line and the environment. */
export class CliContext {
  private kafkaClient?: Kafka;

  constructor(
    readonly values: CliValues,
    readonly io: CliIo,
    readonly readModels: ReadModel[],
    readonly positionals: string[] = [],
  ) {}

  get json(): boolean {
    return Boolean(this.values.json);
  }

  get signal(): AbortSignal {
    return this.io.signal;
  }

  /** Progress goes to stderr when it is a terminal, unless told otherwise. */
  get progress(): ProgressOutput | undefined {
    if (this.values['no-progress']) return undefined;
    const err = this.io.stderr;
    return this.values.progress ? { isTTY: true, columns: err.columns, write: (t) => err.write(t) } : err;
  }

  readonly kafka = (): Kafka => {
    this.kafkaClient ??= new Kafka({
      clientId: 'kompeten-audit',
      brokers: brokersOf(this.io.env, this.values.brokers),
      logLevel: logLevel.NOTHING,
      retry: { retries: 5, initialRetryTime: 200 },
    });
    return this.kafkaClient;
  };

  targets(own?: EventProducingService): (service: EventProducingService) => AuditTarget {
    return targetResolver(
      { databaseUrl: this.values['database-url'], topic: this.values.topic, relay: this.values.relay },
      this.io.env,
      own,
    );
  }

  get workDatabaseUrl(): string {
    return workDatabaseUrl(this.io.env, this.values['work-database-url']);
  }

  readModel(name: string | undefined): ReadModel {
    const model = this.readModels.find((m) => m.name === name);
    if (!model)
      throw new UsageError(
        `${name === undefined ? 'name a read model' : `unknown read model ${JSON.stringify(name)}`}; one of ${this.readModels.map((m) => m.name).join(', ')}`,
      );
    return model;
  }

  out(text: string): void {
    this.io.stdout.write(`${text}\n`);
  }

  err(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  /** A report: JSON on stdout with --json, else the human text. */
  report(value: unknown, text: string): void {
    this.out(this.json ? JSON.stringify(value, null, 2) : text);
  }
}
