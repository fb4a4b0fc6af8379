import type { ChainBreak } from '@kompeten/event-store';
import type { TopicFindings } from '../sources/partition-merge';

/** One copy's chain, as recomputed. */
export interface CopyReport {
  /** Records whose hash was recomputed and linked. */
  count: number;
  headPosition: number;
  headHash: string;
  firstBreak?: ChainBreak;
  ok: boolean;
}

export interface StoreCopyReport extends CopyReport {
  /** What es_head says (the row every append moves). */
  esHead?: { position: number; hash: string };
  /** Whether es_head is the last verified record; null when it could not be judged (a break, or appends during the run). */
  headAgrees: boolean | null;
}

export interface KafkaCopyReport extends CopyReport {
  findings: TopicFindings;
  /** How far the outbox relay says it published (Kafka acknowledged it), when its checkpoint was found. */
  relayCheckpoint: number | null;
}

export interface Agreement {
  agree: boolean;
  /** Both copies have the same hash at this position — and so, by the chain, the same events up to it. */
  comparedAt: number;
  /** Events the store has that Kafka does not have yet (the relay's lag), when the run began. */
  kafkaBehindBy: number;
  detail: string;
}

export interface ServiceVerification {
  service: string;
  topic: string;
  store?: StoreCopyReport;
  kafka?: KafkaCopyReport;
  agreement?: Agreement;
  ok: boolean;
  interrupted: boolean;
}

const short = (hash: string) => `${hash.slice(0, 16)}…`;

/** The human summary: one block per service, problems spelled out. */
export function formatVerification(reports: ServiceVerification[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.service}: ${r.interrupted ? 'INTERRUPTED' : r.ok ? 'OK' : 'BROKEN'}`);
    if (r.store) {
      const s = r.store;
      lines.push(
        `  store  ${s.count} events, head ${s.headPosition} ${short(s.headHash)}${s.headAgrees === false ? ', es_head DISAGREES' : ''}`,
      );
      if (s.firstBreak)
        lines.push(
          `         first break at position ${s.firstBreak.position}: ${s.firstBreak.reason} (${s.firstBreak.detail})`,
        );
    }
    if (r.kafka) {
      const k = r.kafka;
      const f = k.findings;
      lines.push(
        `  kafka  ${k.count} events (${f.messages} messages, ${f.duplicates} duplicates), head ${k.headPosition} ${short(k.headHash)} on ${r.topic}`,
      );
      if (k.firstBreak)
        lines.push(
          `         first break at position ${k.firstBreak.position}: ${k.firstBreak.reason} (${k.firstBreak.detail})`,
        );
      for (const c of f.conflictingDuplicates.slice(0, 5))
        lines.push(
          `         a second copy of position ${c.position} differs from the first (partition ${c.partition}, offset ${c.offset})`,
        );
      for (const u of f.undecodable.slice(0, 5))
        lines.push(`         not an event record: partition ${u.partition}, offset ${u.offset} (${u.reason})`);
    }
    if (r.agreement) lines.push(`  ${r.agreement.agree ? 'agree' : 'DISAGREE'}: ${r.agreement.detail}`);
  }
  return lines.join('\n');
}
