import { TEKNIS_COMPETENCIES } from '../city/catalogue';
import { unless } from '../gateway/gateway-client';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

/** Required levels per position: what the pre-assessment's gap is measured against. */
const POSITION_STANDARDS: Record<string, Record<string, number>> = {
  'Perawat Ahli Pertama': { 'effective-communication': 3, komunikasi: 3, 'pelayanan-publik': 3 },
  'Perawat Terampil': { 'effective-communication': 3, 'pelayanan-publik': 2 },
  'Bidan Terampil': { 'effective-communication': 3, 'pelayanan-publik': 2 },
  'Bidan Ahli Pertama': { 'effective-communication': 3, komunikasi: 3 },
  'Dokter Ahli Pertama': { 'effective-communication': 4, komunikasi: 3, 'pengambilan-keputusan': 3 },
  'Administrator Database Kependudukan': { 'digital-public-services': 3, 'pelayanan-publik': 3 },
  'Pengadministrasi Kependudukan': { 'digital-public-services': 2, 'pelayanan-publik': 2 },
  'Analis Kebencanaan Ahli Pertama': { 'disaster-management': 3, 'pengambilan-keputusan': 3 },
  'Operator Pusdalops': { 'disaster-management': 3 },
  'Polisi Pamong Praja Terampil': { 'humane-law-enforcement': 3, integritas: 3 },
  'Teknik Jalan dan Jembatan Ahli Pertama': { 'construction-safety': 3 },
  // Dinas Sosial: what next year's plan is built on (planning.steps.ts assesses it).
  'Pekerja Sosial Ahli Pertama': { komunikasi: 3 },
  'Penyuluh Sosial Ahli Pertama': { komunikasi: 3 },
  'Penyuluh Sosial Terampil': { komunikasi: 3 },
};

/** The agency's teknis competencies and its position standards (the national ones are fixed by regulation). */
export async function defineCompetencies(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  const api = ctx.client.as(actors.bkpsdm(plan));
  if (!ctx.caps.assessment) {
    ctx.progress.log(
      'competencies: skipped — this gateway has no assessment routes yet (POST /api/v1/competencies); results are not recorded',
    );
    return;
  }
  const competencies = Object.entries(TEKNIS_COMPETENCIES);
  const standards = Object.entries(POSITION_STANDARDS);
  const task = ctx.progress.task('competencies and standards', competencies.length + standards.length);
  await forEachConcurrent(competencies, ctx.concurrency, async ([code, name]) => {
    await unless(
      api.defineCompetency({
        body: {
          code,
          name,
          levelDescriptions: ['Mengenal', 'Memahami', 'Menerapkan', 'Menganalisis', 'Menjadi rujukan'],
        },
        idempotencyKey: commandKey(plan, 'competency', code),
      }),
      'competency-exists',
    );
    task.tick();
  });
  await forEachConcurrent(standards, ctx.concurrency, async ([position, levels]) => {
    await api.setPositionStandard({
      body: {
        position,
        requirements: Object.entries(levels).map(([competencyCode, level]) => ({ competencyCode, level })),
      },
      idempotencyKey: commandKey(plan, 'standard', position),
    });
    task.tick();
  });
  task.done();
}
