export { runAuditCli, main } from './cli/run-audit-cli';
export type { AuditCliOptions } from './cli/run-audit-cli';
export type { CliIo } from './cli/cli-context';
export type {
  ReadModel,
  ReadModelView,
  ReadModelRender,
  ReplayedTables,
  ConsumerPart,
  TypedEventHandler,
} from './replay/read-model';
export { sourcesOf } from './replay/read-model';
export { serviceAudit, readModelCatalogue, replayDataSource } from './replay/service-audit';
export type {
  ServiceAuditEntry,
  ReadModelEntry,
  ServiceFigure,
  FigureRequest,
  FigureClock,
} from './replay/service-audit';
export { runQueryUseCase, serviceRefusal } from './replay/query-use-case';
export type { RawQuery } from './replay/query-use-case';
export { serviceUpcasters } from './replay/contract-upcasters';
export { ChainWalker, GENESIS } from './chain/chain-walker';
export type { ChainPoint } from './chain/chain-walker';
export { StoreSource } from './sources/store-source';
export type { RecordFilter } from './sources/store-source';
export { KafkaSource } from './sources/kafka-source';
export { PartitionMerge } from './sources/partition-merge';
export type { TopicFindings, FetchedMessage, PartitionRange } from './sources/partition-merge';
export type { RecordSource, SourceCursor, SourceKind } from './sources/record-source';
export { verifyService } from './verify/verify-service';
export type {
  ServiceVerification,
  CopyReport,
  StoreCopyReport,
  KafkaCopyReport,
  Agreement,
} from './verify/verify-report';
export { exportEvents, exportLine } from './export/export-events';
export type { ExportOptions, ExportResult } from './export/export-events';
export { replay, ChainBrokenError } from './replay/replay-engine';
export type { ReplayOptions, ReplayResult } from './replay/replay-engine';
export type { Cutoff } from './replay/cut-sources';
export { ViewReader } from './replay/view-reader';
export { diffView } from './diff/diff-views';
export type { ViewDiff, RowDifference } from './diff/diff-views';
export { targetResolver, AUDITED_SERVICES, UsageError } from './shared/audit-settings';
export type { AuditTarget, AuditEnvironment } from './shared/audit-settings';
export { Progress } from './shared/progress';
export { AuditHttpModule } from './http/audit-http.module';
export type { AuditHttpOptions } from './http/audit-http.options';
