// What the audit tool writes, as the tests read it back: its `--json` reports (auditJson), the files
// `export --out` and `replay --out` write, and GET /audit/events. All of it is JSON: instants are strings.
import type { Agreement, Cutoff, KafkaCopyReport, ReplayResult, StoreCopyReport, ViewDiff } from '@kompeten/audit';
import type { EventRecord } from '@kompeten/event-store';

/** A row of a view, as Postgres' to_jsonb gives it. */
export type Row = Record<string, unknown>;

/** One line of an export (one event of GET /audit/events): the record exactly as stored and hashed, and its service. */
export interface ExportLine extends Omit<EventRecord, 'payload'> {
  service: string;
  payload: Record<string, unknown>;
}

/** `audit verify --json`: per service, the copies it was asked to verify (the tests read only those). */
export interface VerifyReport {
  ok: boolean;
  services: { service: string; ok: boolean; store: StoreCopyReport; kafka: KafkaCopyReport; agreement: Agreement }[];
}

/** What a replay says of itself: the body of its `--json` report and of the `meta` in its files. */
export interface ReplaySummary {
  readModel: string;
  service: string;
  source: 'store' | 'kafka';
  cutoff: Cutoff;
  sources: ReplayResult['sources'];
  projections: { name: string; version: number }[];
  consumers: { name: string; from: string }[];
  replayedAt: string;
}

/** The `meta` of a file `audit replay --out` writes: the summary and the model's parameters. */
export interface ReplayFileMeta extends ReplaySummary {
  params: Record<string, unknown>;
}

/** A line of a replay written as NDJSON: first `{"meta": …}`, then `{"view": …, "row": …}` for each row. */
export interface ReplayNdjsonLine {
  meta?: ReplayFileMeta;
  view?: string;
  row?: Row;
}

/** `audit replay --json`. */
export interface ReplayReport extends ReplaySummary {
  schema: string | null;
  out: string | null;
  rows: Record<string, number>;
  rendered: string | null;
}

/** `audit diff --json`. */
export interface DiffReport extends ReplaySummary {
  projectionCuts: Record<string, number> | null;
  identical: boolean;
  views: ViewDiff[];
}

/** A `--resume` checkpoint file: the run it belongs to, and how far it got (`S`, as the command saves it). */
export interface CheckpointFile<S> {
  command: string;
  run: Record<string, unknown>;
  savedAt: string;
  state: S;
}
