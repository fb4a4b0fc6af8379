import { parseArgs } from 'node:util';
import { UsageError } from '../shared/audit-settings';

export const COMMANDS = ['verify', 'export', 'replay', 'diff', 'read-models'] as const;
export type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  service: { type: 'string' },
  'database-url': { type: 'string', multiple: true },
  topic: { type: 'string', multiple: true },
  relay: { type: 'string', multiple: true },
  brokers: { type: 'string' },
  'work-database-url': { type: 'string' },
  copies: { type: 'string' },
  source: { type: 'string' },
  stream: { type: 'string' },
  type: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  'as-of': { type: 'string' },
  position: { type: 'string' },
  out: { type: 'string' },
  schema: { type: 'string' },
  param: { type: 'string', multiple: true },
  resume: { type: 'string' },
  limit: { type: 'string' },
  'no-verify': { type: 'boolean' },
  json: { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
} as const;

export type CliValues = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface ParsedCommand {
  command?: CommandName;
  positionals: string[];
  values: CliValues;
}

export function parseCommandLine(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const [first, ...positionals] = parsed.positionals;
  if (first !== undefined && !(COMMANDS as readonly string[]).includes(first))
    throw new UsageError(`unknown command ${JSON.stringify(first)}; one of ${COMMANDS.join(', ')}`);
  return { command: first as CommandName | undefined, positionals, values: parsed.values };
}

/** An ISO 8601 instant, normalised to the form recordedAt is written in (UTC, milliseconds). */
export function parseInstant(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(
      `${option} must be an ISO 8601 time (e.g. 2026-03-31T23:59:59+07:00), not ${JSON.stringify(value)}`,
    );
  return new Date(value).toISOString();
}

export function parsePositive(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${option} must be a positive integer, not ${JSON.stringify(value)}`);
  return n;
}

export function parseParams(values: string[] | undefined, allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const i = v.indexOf('=');
    if (i < 1) throw new UsageError(`--param takes name=value, not ${JSON.stringify(v)}`);
    const name = v.slice(0, i);
    if (!allowed.includes(name))
      throw new UsageError(`unknown parameter ${name}; this read model takes ${allowed.join(', ') || 'none'}`);
    out[name] = v.slice(i + 1);
  }
  return out;
}

export const HELP = `audit — verify, export and replay Kompeten's event logs, without trusting the running services

Usage: npm run audit -- <command> [options]

Commands
  verify [--service S] [--copies store,kafka]
      Recompute each service's hash chain from its Postgres store and, independently, from its
      Kafka topic read from offset 0. Reports per service: events, head position and hash, the
      first broken or missing position, and whether store and Kafka agree. Exit 1 on any break.

  export [--service S] [--stream ID] [--type T]... [--from ISO] [--to ISO] [--source store|kafka]
         [--out FILE] [--resume CHECKPOINT]
      Stream stored events as NDJSON, one record per line with its hashes (stdout unless --out).
      --from/--to select recordedAt in [from, to). Re-verify with docs/audit/verify_export.py.

  replay <read-model> (--as-of ISO | --position N) [--source store|kafka]
         (--out FILE.ndjson|FILE.json | --schema NAME) [--param name=value]... [--resume CHECKPOINT]
      Rebuild a read model as it stood at a moment (recordedAt ≤ ISO) or a position, from the store
      or from Kafka, into a fresh schema of the audit database and/or a file. Live read models are
      never touched. The chain of every log read is re-verified on the way (--no-verify skips it).
      unit-scorecard and correlation-report are the feedback service's own queries run over the
      replayed tables, with the HTTP API's parameter names and the cut-off as the service's clock:
        replay unit-scorecard --as-of ISO --param unitCode=PKM-… [--param period=2026-Q1] --out sc.json
        replay correlation-report --as-of ISO [--param from=2026-Q1 --param to=2026-Q4] [--param opd=…]
               [--param kind=…] [--param adequateOnly=true] --out report.json

  diff <read-model> [--as-of ISO | --position N] [--source store|kafka] [--param name=value]...
       [--schema NAME] [--limit N]
      Replay the model up to the position each live table has reached, and compare it with the live
      one row by row. Exit 1 when they differ.

  read-models
      List the read models replay and diff know, with their parameters.

Where the logs are (defaults follow the project's conventions)
  DATABASE_URL            the Postgres server (default postgres://postgres@127.0.0.1:5432/postgres);
                          each service's log is in kompeten_<service> (prefix: KOMPETEN_DB_PREFIX)
  KAFKA_BROKERS           host:port[,…] (default 127.0.0.1:9092); --brokers overrides
  --database-url [S=]URL  a service's own database instead (repeatable; a bare URL is --service's)
  --topic [S=]NAME        a service's topic instead of kompeten.<service>.events
  --relay [S=]NAME        the outbox relay whose checkpoint Kafka must reach (default <service>-relay)
  --work-database-url URL where replays build (default kompeten_audit on the server, created if missing)

Output
  --json                  the report as JSON on stdout
  --progress / --no-progress
                          events/s and ETA on stderr (default: only when stderr is a terminal)
  --resume FILE           save progress in FILE; rerun the same command to continue after Ctrl-C.
                          The file is removed when the run completes.

Exit codes: 0 fine · 1 a break or a difference found · 2 usage · 3 could not run · 130 interrupted
`;
