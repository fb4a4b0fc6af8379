import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewEvent } from '@kompeten/event-store';
import { ProjectionRunner } from '@kompeten/messaging';
import { createTestDatabase, TestDatabase, testKafka } from '@kompeten/testing';
import { assessmentAudit } from '../../services/assessment/src/assessment.audit';
import { audit, auditJson, catalogue } from './support/audit-cli';
import { auditFixture, AuditFixture, quiet } from './support/audit-fixture';
import { meta, nipOf } from './support/enrolment-log';
import type { DiffReport, ReplayFileMeta, Row } from './support/reports';

/** What staff member i's post-assessment events share. */
const postAssessment = (i: number) => ({
  assessmentId: `asm-${i}`,
  nip: nipOf(i),
  kind: 'post',
  competencyCode: 'pelayanan-kesehatan',
  enrolmentId: `enr-${i}`,
  programmeId: 'komunikasi',
});
const scheduled = (i: number): NewEvent => ({
  type: 'AssessmentScheduled',
  data: {
    ...postAssessment(i),
    trainingCompletedOn: '2026-03-12',
    dueOn: '2026-04-12',
    trigger: 'training-completed',
  },
});
const recorded = (i: number): NewEvent => ({
  type: 'AssessmentRecorded',
  data: {
    ...postAssessment(i),
    assessor: 'user:assessor',
    method: 'test',
    score: 80,
    level: 3,
    assessedOn: '2026-03-20',
    dueOn: '2026-04-12',
    late: false,
    learningGain: 1,
  },
});
const certified = (i: number): NewEvent => ({
  type: 'CompetencyCertified',
  data: {
    certificationId: `cert-${i}`,
    nip: nipOf(i),
    competencyCode: 'pelayanan-kesehatan',
    level: 3,
    requiredLevel: 3,
    assessmentId: `asm-${i}`,
    enrolmentId: `enr-${i}`,
    programmeId: 'komunikasi',
    certifiedOn: '2026-03-20',
    expiresOn: '2029-03-20',
  },
});

// The assessment service's audit entry point: its own projections, replayed from its log and
// compared with the live ones the service's ProjectionRunner keeps.
describe('the assessment service’s read models in the audit catalogue', () => {
  const kafka = testKafka('audit-assessment');
  let f: AuditFixture;
  let work: TestDatabase;
  let tmp: string;
  let beforeResults: string;
  const conn = () => ['--database-url', f.db.url, '--work-database-url', work.url];

  beforeAll(async () => {
    f = await auditFixture(kafka, 'audit_asm_models');
    work = await createTestDatabase('audit_asm_work');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-assessment-'));
    await f.store.append(
      'competency-pelayanan-kesehatan',
      'no-stream',
      [
        {
          type: 'CompetencyDefined',
          data: {
            code: 'pelayanan-kesehatan',
            name: 'Pelayanan kesehatan',
            competencyType: 'teknis',
            description: null,
            levelDescriptions: null,
            origin: 'agency',
            competencyArea: 'kesehatan',
          },
        },
      ],
      meta('define'),
    );
    await f.store.append(
      'position-standard-perawat',
      'no-stream',
      [
        {
          type: 'PositionStandardSet',
          data: {
            positionKey: 'perawat',
            position: 'Perawat',
            requirements: [{ competencyCode: 'pelayanan-kesehatan', level: 3 }],
          },
        },
      ],
      meta('standard'),
    );
    for (const i of [1, 2, 3])
      await f.store.append(`assessment-record-${nipOf(i)}`, 'any', [scheduled(i)], meta(`s${i}`));
    beforeResults = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    for (const i of [1, 2])
      await f.store.append(`assessment-record-${nipOf(i)}`, 'any', [recorded(i), certified(i)], meta(`r${i}`));
    for (const { projections } of assessmentAudit.readModels)
      for (const projection of projections ?? [])
        await new ProjectionRunner({ dataSource: f.ds, store: f.store, projection, logger: quiet }).catchUp();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
    await work?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('lists them under the assessment service', async () => {
    const run = await auditJson<{ name: string; service: string }[]>(['read-models']);
    expect(run.report.filter((m) => m.service === 'assessment').map((m) => m.name)).toEqual([
      'assessment-records',
      'competency-standards',
    ]);
    expect(catalogue().filter((m) => m.service === 'assessment')).toEqual(assessmentAudit.readModels);
  });

  it('replays each one equal to the live read model (diff), each projection’s table keyed by its primary key', async () => {
    const records = await auditJson<DiffReport>(['diff', 'assessment-records', ...conn()]);
    expect(records.code).toBe(0);
    expect(records.report.views.map((v) => [v.view, v.liveRows])).toEqual([
      ['assessments', 3],
      ['certifications', 2],
    ]);
    const standards = await auditJson<DiffReport>(['diff', 'competency-standards', ...conn()]);
    expect(standards.code).toBe(0);
    expect(standards.report.views.map((v) => [v.view, v.liveRows])).toEqual([
      ['competency_dictionary', 1],
      ['position_standard', 1],
    ]);
  });

  it('replays the assessment records as they stood before the results were recorded', async () => {
    const out = path.join(tmp, 'records.json');
    const run = await audit(['replay', 'assessment-records', '--as-of', beforeResults, '--out', out, ...conn()]);
    expect(run).toMatchObject({ code: 0 });
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { meta: ReplayFileMeta; views: Record<string, Row[]> };
    expect(doc.meta.sources.map((s) => [s.service, s.events])).toEqual([['assessment', 5]]);
    expect(doc.views.assessments.map((r) => [r.assessment_id, r.status])).toEqual([
      ['asm-1', 'scheduled'],
      ['asm-2', 'scheduled'],
      ['asm-3', 'scheduled'],
    ]);
    expect(doc.views.certifications).toEqual([]);
  });
});
