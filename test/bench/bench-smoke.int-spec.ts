import { runBenchmarks } from '../../bench/run';
import { BENCHMARKS } from '../../bench/benchmarks';
import { table } from '../../bench/harness/report';

/**
 * The benchmark suite on tiny sizes, so that it cannot rot between `npm run bench` runs: every
 * benchmark (the opt-in proposals too) must run end to end against the real Postgres and Kafka and
 * produce finite figures. Timings are not checked — that is what `npm run bench` is for.
 */
describe('the benchmark suite (smoke sizes)', () => {
  it('runs every benchmark and each yields finite figures with their baselines', async () => {
    const figures = await runBenchmarks(
      BENCHMARKS.map((b) => b.name),
      'smoke',
      () => undefined,
    );

    expect(new Set(figures.map((f) => f.benchmark))).toEqual(new Set(BENCHMARKS.map((b) => b.name)));
    const broken = figures.filter(
      (f) => !(f.value > 0 && Number.isFinite(f.value)) || (f.baseline && !(f.baseline.value > 0)),
    );
    expect(broken.map((f) => `${f.benchmark}: ${f.label} = ${f.value}`)).toEqual([]);
    expect(table(figures)).toContain('append-single');
  }, 180_000);
});
