import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EventRecord, GENESIS_HASH, hashedForm, verifyChain } from '@kompeten/event-store';
import { Benchmark, BenchContext, Figure, sized, targetMet } from '../harness/benchmark';
import { now, paired, perSecond, repeated } from '../harness/measure';
import { median } from '../harness/stats';

/**
 * The auditor's check: recompute every hash of the chain. The baseline hashes the very same bytes
 * (prev hash ‖ canonical JSON, prepared beforehand) with node's SHA-256, i.e. the chain minus
 * canonicalisation and checking.
 */
export const auditVerify: Benchmark = {
  name: 'audit-verify',
  readsLogs: true,
  description:
    'audit verify (verifyChain over stored records, in memory and from the store) vs SHA-256 of the same canonical bytes',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, events } = sized(ctx, { full: { runs: 5, events: 100_000 }, smoke: { runs: 1, events: 1_000 } });
    const { store } = await ctx.fixtures.get(events);
    const records: EventRecord[] = [];
    for await (const r of store.records()) records.push(r);
    const bytes = records.map((r) => Buffer.from(r.prevHash + canonicalize(hashedForm(r))!, 'utf8'));
    const totalBytes = bytes.reduce((a, b) => a + b.length, 0);
    const verify = async () => {
      const start = now();
      const report = await verifyChain(records);
      const ms = now() - start;
      if (!report.ok || report.count !== records.length)
        throw new Error(`chain does not verify: ${JSON.stringify(report.firstBreak)}`);
      return perSecond(records.length, ms);
    };
    // Synchronous work, as a promise like verify's (paired compares two asynchronous runs).
    const sha = (): Promise<number> => {
      const start = now();
      let h = GENESIS_HASH;
      for (const b of bytes) h = createHash('sha256').update(b).digest('hex');
      if (!h) return Promise.reject(new Error('unreachable'));
      return Promise.resolve(perSecond(bytes.length, now() - start));
    };
    // The check as it was before issue 23 (the `canonicalize` package, createHash, `for await`), so the
    // change stands beside its own baseline: both sides must find the same hashes.
    const verifyBefore = async () => {
      const start = now();
      let prev = GENESIS_HASH;
      let position = 1;
      // eslint-disable-next-line @typescript-eslint/await-thenable -- as the old verifyChain walked an array
      for await (const rec of records) {
        if (rec.position !== position++ || rec.prevHash !== prev) throw new Error(`chain breaks at ${rec.position}`);
        const h = createHash('sha256')
          .update(prev + canonicalize(hashedForm(rec))!, 'utf8')
          .digest('hex');
        if (h !== rec.hash) throw new Error(`hash differs at ${rec.position}`);
        prev = h;
      }
      return perSecond(records.length, now() - start);
    };
    await verify();
    await sha();
    await verifyBefore();
    const r = await paired(runs, verify, sha);
    const before = await paired(runs, verify, verifyBefore);
    const fromStore = await repeated(1, async () => {
      const start = now();
      const report = await store.verify();
      if (!report.ok) throw new Error('chain does not verify');
      return perSecond(report.count, now() - start);
    });
    const figure: Figure = {
      benchmark: this.name,
      label: `verifyChain over ${events.toLocaleString('en')} records in memory`,
      unit: 'events/s',
      value: median(r.subject),
      samples: r.subject,
      baseline: {
        label: 'SHA-256 (node crypto) of the same canonical bytes',
        value: median(r.baseline),
        samples: r.baseline,
      },
      ratio: median(r.ratios),
      target: { min: 200_000 },
      diagnostics: {
        bytesPerEvent: Math.round(totalBytes / bytes.length),
        canonicaliseAndCheckUsPerEvent: Math.round((1e6 / median(r.subject) - 1e6 / median(r.baseline)) * 10) / 10,
      },
    };
    figure.met = targetMet(figure);
    return [
      figure,
      {
        benchmark: this.name,
        label: `verifyChain over ${events.toLocaleString('en')} records in memory, against the check before issue 23`,
        unit: 'events/s',
        value: median(before.subject),
        samples: before.subject,
        baseline: {
          label: 'the same loop with the canonicalize package, createHash and for await (the code before)',
          value: median(before.baseline),
          samples: before.baseline,
        },
        ratio: median(before.ratios),
        note: 'same records, same hashes: what canonicalJson + crypto.hash + a synchronous walk buy',
      },
      {
        benchmark: this.name,
        label: 'EventStore.verify(): read from Postgres and verify',
        unit: 'events/s',
        value: median(fromStore),
        samples: fromStore,
        note: 'what an auditor runs against the database (read + verify)',
      },
    ];
  },
};
