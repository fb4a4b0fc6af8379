import type { ProgrammeDetails, ProgrammeEvent } from '@kompeten/contracts';
import { fold } from '@kompeten/domain';
import { EventStore, type EventMetadata, type StreamAppend } from '@kompeten/event-store';
import type { ProgrammeCommand } from '../../services/enrolment/src/programme/programme.commands';
import { programmeDecider } from '../../services/enrolment/src/programme/programme.decider';
import { runProgrammeCommand } from '../../services/enrolment/src/programme/run-programme-command';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now } from '../harness/measure';
import { median } from '../harness/stats';
import { createBenchDatabase } from '../support/databases';

const meta: EventMetadata = { actor: 'bench:participation', correlationId: 'bench-participation', causationId: null };
const UNIT = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
/** Issue 23's target: a command on a programme of 10⁵ participants costs at most 1.2× one on 10². */
const MAX_RATIO = 1.2;
const TODAY = '2026-01-15';

/** A classroom programme with sessions that also counts self-paced modules: attendance and statements both apply. */
const details = (capacity: number): ProgrammeDetails => ({
  title: 'Pelayanan prima',
  competencyType: 'teknis',
  competencyArea: 'patient-management',
  form: 'klasikal',
  universityPartner: null,
  jp: 24,
  costPerParticipant: 1_000_000,
  capacity,
  fundingOpd: 'DINKES',
  // One session per run: each run marks every participant it visits present at a session not yet marked.
  sessions: [1, 2, 3, 4, 5, 6].map((k) => ({
    sessionId: `s${k}`,
    date: `2026-02-0${k + 1}`,
    title: `Hari ${k}`,
    startTime: null,
    endTime: null,
    venue: null,
    onlineUrl: null,
    trainer: null,
  })),
  completionRule: { modules: ['m1', 'm2'], minScore: null },
  fiscalYear: 2026,
  attendanceThreshold: 0.8,
  lateEnrolment: true,
  releaseRequired: false,
});

const nipOf = (i: number) => `9${String(i).padStart(17, '0')}`;

/** A participant enrolled and confirmed: the events the budget saga would have left in their stream. */
function participant(programmeId: string, i: number): ProgrammeEvent[] {
  const ids = { enrolmentId: `${programmeId}-${i}`, programmeId, nip: nipOf(i) };
  return [
    {
      type: 'StaffEnrolled',
      data: {
        ...ids,
        workUnit: UNIT,
        fundingOpd: 'DINKES',
        costPerParticipant: 1_000_000,
        jp: 24,
        competencyType: 'teknis',
        competencyArea: 'patient-management',
        year: 2026,
        attempt: 1,
        enrolledOn: '2026-01-02',
        need: null,
      },
    },
    { type: 'EnrolmentConfirmed', data: { ...ids, commitmentId: `c-${ids.enrolmentId}` } },
  ];
}

/** Seeds a programme of `n` participants in bulk: appendAll, `batch` participants' streams per append. */
async function seedProgramme(store: EventStore, programmeId: string, n: number, batch = 2000) {
  await store.append(
    `programme-${programmeId}`,
    'no-stream',
    [{ type: 'ProgrammePublished', data: { programmeId, ...details(n + 100_000) } }],
    meta,
  );
  for (let from = 0; from < n; from += batch) {
    const parts: StreamAppend[] = [];
    for (let i = from; i < Math.min(n, from + batch); i++)
      parts.push({
        streamId: `programme-${programmeId}/${nipOf(i)}`,
        expected: 'no-stream',
        events: participant(programmeId, i),
      });
    await store.appendAll(parts, meta);
  }
}

type Kind = 'enrol' | 'attend' | 'statement';
const KINDS: Kind[] = ['enrol', 'attend', 'statement'];

/** The command of round `k` on a programme of `n` (attendance and statements for seeded participants, enrolment for new ones). */
function command(kind: Kind, n: number, run: number, k: number, rounds: number): ProgrammeCommand {
  const seeded = nipOf((run * rounds + k) % n);
  if (kind === 'enrol')
    return {
      type: 'EnrolStaff',
      enrolmentId: `new-${n}-${run}-${k}`,
      nip: nipOf(10_000_000 + run * rounds + k),
      workUnit: UNIT,
      staffActive: true,
      today: TODAY,
      enrolledOn: TODAY,
      need: null,
    };
  if (kind === 'attend')
    return { type: 'RecordAttendance', nip: seeded, sessionId: `s${1 + (run % 6)}`, attended: true };
  return {
    type: 'RecordLearningProgress',
    nip: seeded,
    statementId: `st-${n}-${run}-${k}`,
    verb: 'started',
    moduleId: 'm1',
    score: null,
    seconds: 60,
    deviceTimestamp: '2026-02-02T02:00:00.000Z',
    deviceDate: '2026-02-02',
    receivedAt: '2026-02-02T02:00:01.000Z',
  };
}

/** Milliseconds per command, `rounds` commands one after another (the handler's path: load, decide, appendAll). */
async function perCommand(store: EventStore, programmeId: string, n: number, kind: Kind, run: number, rounds: number) {
  const start = now();
  for (let k = 0; k < rounds; k++) {
    const r = await runProgrammeCommand(store, programmeId, command(kind, n, run, k, rounds), meta);
    if (r.events.length === 0) throw new Error(`${kind} on ${programmeId} appended nothing`);
  }
  return (now() - start) / rounds;
}

const power = (n: number) => `10${'⁰¹²³⁴⁵⁶⁷⁸⁹'[Math.round(Math.log10(n))]}`;
const label = (n: number) => (Number.isInteger(Math.log10(n)) ? power(n) : n.toLocaleString('en'));

export const participation: Benchmark = {
  name: 'participation',
  description:
    'enrol / attend / learning statement on one programme of 10², 10⁴ and 10⁵ participants (own streams, seat ledger): ms per command, ratio to 10² (target ≤ 1.2); the old single-stream fold for contrast',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { sizes, rounds, runs, oldSizes } = sized(ctx, {
      full: { sizes: [100, 10_000, 100_000], rounds: 100, runs: 5, oldSizes: [100, 1_000, 3_000] },
      smoke: { sizes: [10, 100, 300], rounds: 3, runs: 1, oldSizes: [10, 100] },
    });
    const db = await createBenchDatabase('participation', { extra: { max: 8 } });
    try {
      const seeding = new EventStore(db.dataSource);
      const seedMs: Record<string, number> = {};
      for (const n of sizes) {
        const start = now();
        await seedProgramme(seeding, `part-${n}`, n);
        seedMs[label(n)] = Math.round(now() - start);
        ctx.log(`  seeded ${n} participants in ${seedMs[label(n)]} ms`);
      }
      await db.dataSource.query('analyze');

      // A fresh store: nothing cached. The first seat decision on a programme folds its whole seat ledger once.
      const store = new EventStore(db.dataSource);
      const coldMs: Record<string, number> = {};
      for (const n of sizes) {
        const start = now();
        await perCommand(store, `part-${n}`, n, 'enrol', 1_000, 1);
        coldMs[label(n)] = Math.round(now() - start);
      }

      // Each run measures every size and command back to back: the 10² figure of the same run is the baseline.
      const samples = new Map<string, number[]>();
      const at = (n: number, kind: Kind) =>
        samples.get(`${n}/${kind}`) ?? samples.set(`${n}/${kind}`, []).get(`${n}/${kind}`)!;
      for (let run = 0; run < runs; run++) {
        const order = run % 2 === 0 ? sizes : [...sizes].reverse();
        for (const n of order)
          for (const kind of KINDS) at(n, kind).push(await perCommand(store, `part-${n}`, n, kind, run, rounds));
      }

      const figures: Figure[] = [];
      for (const kind of KINDS) {
        const base = at(sizes[0], kind);
        for (const n of sizes) {
          const mine = at(n, kind);
          const ratios = mine.map((v, i) => v / base[i]);
          const ratio = median(ratios);
          figures.push({
            benchmark: 'participation',
            label: `${kind}: one programme of ${label(n)} participants, ms per command`,
            unit: 'ms',
            value: median(mine),
            samples: mine,
            ...(n === sizes[0]
              ? { note: 'baseline size' }
              : {
                  baseline: { label: `${kind} at ${label(sizes[0])} participants`, value: median(base), samples: base },
                  ratio,
                  met: ratio <= MAX_RATIO,
                  note: `cost ratio to ${label(sizes[0])} (target ≤ ${MAX_RATIO})`,
                }),
            diagnostics: { rounds, firstSeatDecisionColdMs: coldMs[label(n)], seedMs: seedMs[label(n)] },
          });
        }
      }

      // Before issue 23, a programme was one stream and a command folded it whole (cached by version, but
      // folded again from the start after every conflict): the decider's fold of such a stream.
      const folds = oldSizes.map((n) => {
        const events: ProgrammeEvent[] = [
          { type: 'ProgrammePublished', data: { programmeId: 'old', ...details(n) } },
          ...Array.from({ length: n }, (_, i) => participant('old', i)).flat(),
        ];
        const ms: number[] = [];
        for (let r = 0; r < Math.max(1, runs); r++) {
          const start = now();
          fold(programmeDecider, events);
          ms.push(now() - start);
        }
        return { n, ms };
      });
      for (const f of folds)
        figures.push({
          benchmark: 'participation',
          label: `old path: fold of one programme stream of ${label(f.n)} participants (what a conflict cost), ms`,
          unit: 'ms',
          value: median(f.ms),
          samples: f.ms,
          ...(f === folds[0]
            ? {}
            : {
                baseline: { label: `fold at ${label(folds[0].n)}`, value: median(folds[0].ms), samples: folds[0].ms },
                ratio: median(f.ms) / median(folds[0].ms),
              }),
          note: 'quadratic: evolve copies every enrolment at each event',
        });
      return figures;
    } finally {
      await db.drop();
    }
  },
};
