import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ProjectionRunner } from '@kompeten/messaging';
import { ViewReader } from '@kompeten/audit';
import { createTestDatabase, testKafka } from '@kompeten/testing';
import { enrolmentHistoryProjection } from '../../services/enrolment/src/read-models/enrolment-history.projection';
import { externalLearningProjection } from '../../services/enrolment/src/read-models/external-learning.projection';
import { programmeCatalogueProjection } from '../../services/enrolment/src/read-models/programme-catalogue.projection';
import { audit, auditJson, catalogue } from './support/audit-cli';
import { auditFixture, AuditFixture, quiet, tamper } from './support/audit-fixture';
import { firstPhase, nipOf, onProgramme, secondPhase } from './support/enrolment-log';
import type { DiffReport, ReplayFileMeta, ReplayNdjsonLine, ReplayReport, Row } from './support/reports';

// The enrolment service's training history, live (its own ProjectionRunner) and replayed by the
// audit tool from the store and from Kafka, as of a moment captured while the test ran.
describe('audit replay and diff', () => {
  const kafka = testKafka('audit-replay');
  let f: AuditFixture;
  let workDb: { name: string; url: string; drop(): Promise<void> };
  let runners: ProjectionRunner[];
  let tmp: string;
  const training = () => catalogue().find((m) => m.name === 'training-history')!.views![0];
  const liveRows = async (view = training(), params: unknown[] = [null]): Promise<Row[]> => {
    const reader = await ViewReader.open(f.db.url);
    try {
      const rows: Row[] = [];
      for await (const r of reader.rows(view, params)) rows.push(r.row);
      return rows;
    } finally {
      await reader.close();
    }
  };
  const conn = () => ['--database-url', f.db.url, '--topic', f.topic, '--work-database-url', workDb.url];
  let moment: { asOf: string; position: number; hash: string; rows: Row[] };

  beforeAll(async () => {
    f = await auditFixture(kafka, 'audit_replay');
    workDb = await createTestDatabase('audit_work');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-replay-'));
    // The projections the audit's training-history read model replays (enrolment.audit.ts).
    runners = [enrolmentHistoryProjection, programmeCatalogueProjection, externalLearningProjection].map(
      (projection) => new ProjectionRunner({ dataSource: f.ds, store: f.store, projection, logger: quiet }),
    );
    const people = await firstPhase(f.store, 'komunikasi', 10);
    for (const r of runners) await r.catchUp();
    // The moment an auditor will ask about: what the live read model showed then.
    const head = await f.store.head();
    moment = { asOf: new Date().toISOString(), position: head.position, hash: head.hash, rows: await liveRows() };
    await new Promise((r) => setTimeout(r, 20));
    await secondPhase(f.store, 'komunikasi', people);
    for (const r of runners) await r.catchUp();
    await f.relayAll();
  }, 120_000);
  afterAll(async () => {
    await f.close();
    await workDb.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('rebuilds the training history as of a past moment from the store, equal to what was live then', async () => {
    expect(await liveRows()).not.toEqual(moment.rows); // the live model has moved on since
    const out = path.join(tmp, 'as-of.ndjson');
    const run = await audit([
      'replay',
      'training-history',
      '--as-of',
      moment.asOf,
      '--source',
      'store',
      '--out',
      out,
      ...conn(),
    ]);
    expect(run).toMatchObject({ code: 0 });
    const [meta, ...lines] = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ReplayNdjsonLine);
    expect(meta.meta).toMatchObject({
      readModel: 'training-history',
      source: 'store',
      cutoff: { asOf: moment.asOf },
      sources: [{ service: 'enrolment', lastPosition: moment.position, chainHash: moment.hash }],
    });
    expect(lines.filter((l) => l.view === 'training').map((l) => l.row)).toEqual(moment.rows);
  });

  it('rebuilds the same state from Kafka at the same position, into a fresh schema', async () => {
    const { code, report } = await auditJson<ReplayReport>([
      'replay',
      'training-history',
      '--position',
      String(moment.position),
      '--source',
      'kafka',
      '--schema',
      'audit_th_kafka',
      ...conn(),
    ]);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      schema: 'audit_th_kafka',
      sources: [{ lastPosition: moment.position, chainHash: moment.hash }],
    });
    const reader = await ViewReader.open(workDb.url, 'audit_th_kafka');
    try {
      const rows: Row[] = [];
      for await (const r of reader.rows(training(), [null])) rows.push(r.row);
      expect(rows).toEqual(moment.rows);
    } finally {
      await reader.close();
    }
    const again = await audit([
      'replay',
      'training-history',
      '--position',
      '3',
      '--schema',
      'audit_th_kafka',
      ...conn(),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
  });

  it('writes one staff member’s history as JSON with --param', async () => {
    const out = path.join(tmp, 'one.json');
    expect(
      (
        await audit([
          'replay',
          'training-history',
          '--as-of',
          new Date().toISOString(),
          '--param',
          `nip=${nipOf(4)}`,
          '--out',
          out,
          ...conn(),
        ])
      ).code,
    ).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as { meta: ReplayFileMeta; views: Record<string, Row[]> };
    expect(doc.meta.params).toEqual({ nip: nipOf(4) });
    expect(doc.views.training).toEqual((await liveRows()).filter((r) => r.nip === nipOf(4)));
    expect(doc.views['jp-ledger']).toEqual([{ nip: nipOf(4), year: 2026, jp_completed: 24, completions: 1 }]);
  });

  it('never touches the live read model or the service database', async () => {
    const snapshot = async () => {
      const c = new Client({ connectionString: f.db.url });
      await c.connect();
      try {
        const tables = (
          await c.query(
            `select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
          )
        ).rows;
        const checkpoints = (await c.query('select table_name, position, state from projection_checkpoint order by 1'))
          .rows;
        return { tables, checkpoints, rows: await liveRows() };
      } finally {
        await c.end();
      }
    };
    const before = await snapshot();
    expect(
      (
        await audit([
          'replay',
          'training-history',
          '--as-of',
          moment.asOf,
          '--out',
          path.join(tmp, 'x.json'),
          ...conn(),
        ])
      ).code,
    ).toBe(0);
    expect((await audit(['diff', 'training-history', ...conn()])).code).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('diff finds the live model identical to a replay up to its checkpoints, then names a row changed behind its back', async () => {
    const same = await auditJson<DiffReport>(['diff', 'training-history', ...conn()]);
    expect(same.code).toBe(0);
    expect(same.report).toMatchObject({
      identical: true,
      views: [
        { view: 'training', changed: 0, onlyLive: 0, onlyReplayed: 0 },
        { view: 'jp-ledger', changed: 0 },
      ],
    });
    const table = (
      await f.ds.query<{ table_name: string }[]>(
        `select table_name from projection_checkpoint where projection = 'enrolment_history' and state = 'active'`,
      )
    )[0].table_name;
    await f.ds.query(
      `update "${table}" set status = 'confirmed', jp_credited = 0 where enrolment_id = 'enr-komunikasi-5'`,
    );
    await f.ds.query(`delete from "${table}" where enrolment_id = 'enr-komunikasi-7'`);
    const differs = await auditJson<DiffReport>(['diff', 'training-history', ...conn()]);
    expect(differs.code).toBe(1);
    const view = differs.report.views[0];
    expect(view).toMatchObject({ view: 'training', changed: 1, onlyReplayed: 1, onlyLive: 0 });
    // jest types its asymmetric matchers `any`; held as `unknown`, one can sit inside an expected object.
    const changedColumns: unknown = expect.arrayContaining([
      { column: 'status', live: 'confirmed', replayed: 'completed' },
      { column: 'jp_credited', live: 0, replayed: 24 },
    ]);
    expect(view.samples).toEqual(
      expect.arrayContaining([
        { kind: 'changed', key: { enrolment_id: 'enr-komunikasi-5' }, columns: changedColumns },
        expect.objectContaining({ kind: 'only-replayed', key: { enrolment_id: 'enr-komunikasi-7' } }),
      ]),
    );
    const text = await audit(['diff', 'training-history', ...conn()]);
    expect(text.stdout).toMatch(
      /changed\s+enrolment_id=enr-komunikasi-5: status live "confirmed" ≠ replayed "completed"/,
    );
  });

  it('diff replays exactly to the live checkpoint, so a live model that lags is not called different', async () => {
    await onProgramme(
      f.store,
      'komunikasi',
      [
        {
          type: 'ProgrammeRevised',
          data: { programmeId: 'komunikasi', changes: { title: 'Judul yang belum diproyeksikan' } },
        },
      ],
      'late',
    );
    const { report } = await auditJson<DiffReport>(['diff', 'training-history', ...conn()]);
    const aPosition: unknown = expect.any(Number);
    expect(report.projectionCuts).toEqual({
      enrolment_history: aPosition,
      programme_catalogue: (await f.store.head()).position - 1,
      // Replayed with the training history since issue 22 (the JP ledger counts verified external learning).
      external_learning: (await f.store.head()).position - 1,
    });
    expect(report.views[0]).toMatchObject({ changed: 1, onlyReplayed: 1 }); // only the two rows changed by hand above
  });

  it('refuses to replay past a break in the chain, naming the position', async () => {
    await tamper(
      f.ds,
      `update es_event set metadata = jsonb_set(metadata, '{actor}', '"user:someone-else"') where position = 4`,
    );
    try {
      const run = await audit([
        'replay',
        'training-history',
        '--as-of',
        new Date().toISOString(),
        '--out',
        path.join(tmp, 'broken.json'),
        ...conn(),
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/enrolment's log from store breaks at position 4 \(hash-mismatch\)/);
    } finally {
      await tamper(
        f.ds,
        `update es_event set metadata = jsonb_set(metadata, '{actor}', '"user:officer-bkpsdm"') where position = 4`,
      );
    }
  });
});
