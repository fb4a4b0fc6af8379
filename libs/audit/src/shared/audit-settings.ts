import { eventTopic, EventProducingService, TOPICS } from '@kompeten/contracts';

/** Every service that keeps an event log (the gateway keeps none). */
export const AUDITED_SERVICES: EventProducingService[] = TOPICS.filter((t) => t.kind === 'events').map(
  (t) => t.service,
);

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_BROKERS = '127.0.0.1:9092';

/** One service's two copies of its log. */
export interface AuditTarget {
  service: EventProducingService;
  /** The service's own database (its es_event table). */
  databaseUrl: string;
  /** Its event topic (the Kafka copy). */
  topic: string;
  /** The outbox relay whose checkpoint says how far Kafka must reach (default `<service>-relay`). */
  relayName: string;
}

/**
 * Where a service's copies are, when not where the conventions say: each value is `URL` (for the
 * command's own service) or `<service>=URL`. For tests, restored backups and copied topics.
 */
export interface TargetOverrides {
  databaseUrl?: string[];
  topic?: string[];
  relay?: string[];
}

/** The environment the CLI reads: DATABASE_URL (the server), KAFKA_BROKERS, KOMPETEN_DB_PREFIX. */
export interface AuditEnvironment {
  DATABASE_URL?: string;
  KAFKA_BROKERS?: string;
  KOMPETEN_DB_PREFIX?: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `kompeten_<service>` beside the database the server URL names (deploy/postgres/postgres.mjs does the same). */
export function databaseUrlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function isAuditedService(s: string): s is EventProducingService {
  return (AUDITED_SERVICES as string[]).includes(s);
}

export function parseService(s: string | undefined): EventProducingService | undefined {
  if (s === undefined) return undefined;
  if (!isAuditedService(s))
    throw new UsageError(`unknown service ${JSON.stringify(s)}; one of ${AUDITED_SERVICES.join(', ')}`);
  return s;
}

/** The override for `service` among `URL` / `<service>=URL` values (a bare value belongs to `own`). */
function overrideFor(
  values: string[] | undefined,
  service: EventProducingService,
  own: EventProducingService | undefined,
  option: string,
): string | undefined {
  let found: string | undefined;
  for (const v of values ?? []) {
    const m = /^([a-z]+)=(.+)$/.exec(v);
    if (m && isAuditedService(m[1])) {
      if (m[1] === service) found = m[2];
    } else {
      if (!own)
        throw new UsageError(`${option} ${v}: say which service it is for (${option} <service>=…) or pass --service`);
      if (own === service) found = v;
    }
  }
  return found;
}

/** Where each service's copies are: the conventions, unless overridden. `own` is the command's service (if any). */
export function targetResolver(
  overrides: TargetOverrides,
  env: AuditEnvironment,
  own?: EventProducingService,
): (service: EventProducingService) => AuditTarget {
  const server = env.DATABASE_URL || DEFAULT_SERVER_URL;
  const prefix = env.KOMPETEN_DB_PREFIX || 'kompeten';
  for (const v of [...(overrides.databaseUrl ?? []), ...(overrides.topic ?? []), ...(overrides.relay ?? [])]) {
    const m = /^([a-z]+)=/.exec(v);
    if (m && !isAuditedService(m[1]) && !v.includes('://'))
      throw new UsageError(`unknown service ${JSON.stringify(m[1])} in ${v}`);
  }
  return (service) => ({
    service,
    databaseUrl:
      overrideFor(overrides.databaseUrl, service, own, '--database-url') ??
      databaseUrlOf(server, `${prefix}_${service}`),
    topic: overrideFor(overrides.topic, service, own, '--topic') ?? eventTopic(service),
    relayName: overrideFor(overrides.relay, service, own, '--relay') ?? `${service}-relay`,
  });
}

export function brokersOf(env: AuditEnvironment, override?: string): string[] {
  return (override || env.KAFKA_BROKERS || DEFAULT_BROKERS)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Where replays build their tables: a database of the audit's own (`<prefix>_audit`), never a service's. */
export function workDatabaseUrl(env: AuditEnvironment, override?: string): string {
  return (
    override ?? databaseUrlOf(env.DATABASE_URL || DEFAULT_SERVER_URL, `${env.KOMPETEN_DB_PREFIX || 'kompeten'}_audit`)
  );
}

/** A URL without its password, for messages and checkpoint files. */
export const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
