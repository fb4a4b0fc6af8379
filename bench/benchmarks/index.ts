import type { Benchmark } from '../harness/benchmark';
import { appendBatch } from './append-batch.bench';
import { appendSingle } from './append-single.bench';
import { auditVerify } from './audit-verify.bench';
import { browse } from './browse.bench';
import { calendarFeed } from './calendar-feed.bench';
import { certificatePdf } from './certificate-pdf.bench';
import { consumer } from './consumer.bench';
import { endToEnd } from './end-to-end.bench';
import { fundingWindow } from './funding-window.bench';
import { gatewayRead } from './gateway-read.bench';
import { internalIdentity } from './internal-identity.bench';
import { globalRead } from './global-read.bench';
import { outboxRelay } from './outbox-relay.bench';
import { participation } from './participation.bench';
import { projectionRebuild } from './projection-rebuild.bench';
import { proposals } from './proposals.bench';
import { replicas } from './replicas.bench';

/** In the order they run: the batch append fills the logs (10⁴, 10⁵, 10⁶) that the later ones read. */
export const BENCHMARKS: Benchmark[] = [
  appendSingle,
  appendBatch,
  globalRead,
  auditVerify,
  outboxRelay,
  consumer,
  projectionRebuild,
  endToEnd,
  gatewayRead,
  internalIdentity,
  browse,
  calendarFeed,
  certificatePdf,
  fundingWindow,
  replicas,
  participation,
  proposals, // opt-in: `npm run bench -- proposals`
];
