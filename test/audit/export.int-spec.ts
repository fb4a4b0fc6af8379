import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testKafka } from '@kompeten/testing';
import { audit, auditJson, repoRoot } from './support/audit-cli';
import { auditFixture, AuditFixture } from './support/audit-fixture';
import type { ExportLine } from './support/reports';
import {
  attended,
  confirmed,
  enrolled,
  firstPhase,
  meta,
  onProgramme,
  publishProgramme,
  secondPhase,
} from './support/enrolment-log';

/** What docs/audit/verify_export.py prints with --json. */
interface PythonReport {
  ok: boolean;
  services: {
    service: string;
    records: number;
    firstPosition: number | null;
    lastPosition: number | null;
    headHash: string | null;
    gaps: number;
    ok: boolean;
    firstProblem: { position: number; reason: string; detail: string } | null;
  }[];
}

/** The independent re-verifier shipped with the docs: Python's standard library, no code shared with ours. */
function python(args: string[]): { status: number | null; report: PythonReport | undefined; output: string } {
  const r = spawnSync('python3', [path.join(repoRoot, 'docs/audit/verify_export.py'), ...args, '--json'], {
    encoding: 'utf8',
  });
  let report: PythonReport | undefined;
  try {
    report = JSON.parse(r.stdout) as PythonReport;
  } catch {
    report = undefined;
  }
  return { status: r.status, report, output: `${r.stdout}${r.stderr}` };
}

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ExportLine);

describe('audit export', () => {
  const kafka = testKafka('audit-export');
  let f: AuditFixture;
  let tmp: string;
  let head: { position: number; hash: string };
  const conn = () => ['--service', 'enrolment', '--database-url', f.db.url, '--topic', f.topic];

  beforeAll(async () => {
    f = await auditFixture(kafka, 'audit_export');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-export-'));
    await secondPhase(f.store, 'komunikasi', await firstPhase(f.store, 'komunikasi', 6));
    // What the canonical form must get right in another language: key order by UTF-16 code units,
    // escapes, non-ASCII text, numbers as ECMAScript writes them.
    await f.store.append(
      'probe-1',
      'no-stream',
      [
        {
          type: 'CanonicalFormProbe',
          data: {
            zeta: 1,
            Ärger: 'ä',
            '€uro': '€',
            '😀': 'emoji key',
            'quote"back\\slash': 'tab\tnew\nline\u0001bell',
            numbers: [0, -1, 12.5, 0.1, 1e21, 1e-7, 1.5e-7, 123456.789, -0.000001, 9007199254740991, 2.5e25],
            nested: [{ b: [true, false, null], a: {} }, []],
            text: 'Puskesmas Gulai Bancah — “ramah” 👩‍⚕️',
            empty: '',
          },
        },
      ],
      meta('probe'),
    );
    await publishProgramme(f.store, 'kedua');
    for (const i of [1, 2, 3])
      await onProgramme(
        f.store,
        'kedua',
        [enrolled('kedua', i), confirmed('kedua', i), attended('kedua', i, 's1')],
        `kedua-${i}`,
      );
    head = await f.store.head();
    await f.relayAll();
  }, 120_000);
  afterAll(async () => {
    await f.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('writes every stored record with its hashes, and Python’s hashlib re-verifies the whole chain to the same head', async () => {
    const out = path.join(tmp, 'all.ndjson');
    const { code, stdout } = await audit(['export', ...conn(), '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain(`exported ${head.position} event(s)`);
    const records = lines(out);
    expect(records).toHaveLength(head.position);
    const sha256: unknown = expect.stringMatching(/^[0-9a-f]{64}$/); // jest types its matchers `any`
    expect(records[0]).toEqual(
      expect.objectContaining({
        service: 'enrolment',
        position: 1,
        prevHash: '0'.repeat(64),
        hash: sha256,
      }),
    );
    expect(records.map((r) => r.position)).toEqual(Array.from({ length: head.position }, (_, i) => i + 1));
    const py = python([out, '--complete', '--head', `enrolment=${head.hash}`]);
    expect(py.status).toBe(0);
    expect(py.report).toEqual({
      ok: true,
      services: [
        expect.objectContaining({
          service: 'enrolment',
          records: head.position,
          firstPosition: 1,
          lastPosition: head.position,
          headHash: head.hash,
          gaps: 0,
          ok: true,
        }),
      ],
    });
  });

  it('keeps personal data sealed: the export carries the encrypted form the hash covers', async () => {
    const out = path.join(tmp, 'staff.ndjson');
    expect((await audit(['export', ...conn(), '--type', 'StaffRegistered', '--out', out])).code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('"$personal"');
    expect(text).not.toMatch(/Perawat \d/);
    expect(python([out]).status).toBe(0);
  });

  it('exports the same lines from Kafka as from the store (duplicates dropped, order restored)', async () => {
    const fromStore = path.join(tmp, 'store.ndjson');
    const fromKafka = path.join(tmp, 'kafka.ndjson');
    expect((await audit(['export', ...conn(), '--out', fromStore])).code).toBe(0);
    expect((await audit(['export', ...conn(), '--source', 'kafka', '--out', fromKafka])).code).toBe(0);
    expect(fs.readFileSync(fromKafka, 'utf8')).toBe(fs.readFileSync(fromStore, 'utf8'));
  });

  it('selects by type, stream and recording time; each selected record still re-verifies on its own', async () => {
    const byType = path.join(tmp, 'types.ndjson');
    expect(
      (await audit(['export', ...conn(), '--type', 'SessionAttended', '--type', 'TrainingCompleted', '--out', byType]))
        .code,
    ).toBe(0);
    const typed = lines(byType);
    expect(new Set(typed.map((r) => r.type))).toEqual(new Set(['SessionAttended', 'TrainingCompleted']));
    const py = python([byType]);
    expect(py.status).toBe(0);
    expect(py.report?.services[0].gaps).toBeGreaterThan(0);
    expect(python([byType, '--complete']).status).toBe(1); // a selection is not the whole log

    const byStream = path.join(tmp, 'stream.ndjson');
    expect((await audit(['export', ...conn(), '--stream', 'programme-kedua', '--out', byStream])).code).toBe(0);
    expect(lines(byStream).every((r) => r.streamId === 'programme-kedua')).toBe(true);

    const all = lines(path.join(tmp, 'all.ndjson'));
    const from = all[10].recordedAt;
    const to = all[20].recordedAt;
    const byTime = path.join(tmp, 'time.ndjson');
    expect((await audit(['export', ...conn(), '--from', from, '--to', to, '--out', byTime])).code).toBe(0);
    const timed = lines(byTime);
    expect(timed.length).toBeGreaterThan(0);
    expect(timed.every((r) => r.recordedAt >= from && r.recordedAt < to)).toBe(true);
    expect(timed).toEqual(all.filter((r) => r.recordedAt >= from && r.recordedAt < to));
  });

  it('the Python verifier names the position of an edited or a dropped line', () => {
    const records = lines(path.join(tmp, 'all.ndjson'));
    const edited = path.join(tmp, 'edited.ndjson');
    fs.writeFileSync(
      edited,
      records
        .map((r) => JSON.stringify(r.position === 7 ? { ...r, payload: { ...r.payload, sessionId: 's9' } } : r))
        .join('\n'),
    );
    expect(python([edited])).toMatchObject({
      status: 1,
      report: { ok: false, services: [{ firstProblem: { position: 7, reason: 'hash-mismatch' } }] },
    });

    const dropped = path.join(tmp, 'dropped.ndjson');
    fs.writeFileSync(
      dropped,
      records
        .filter((r) => r.position !== 9)
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect(python([dropped, '--complete'])).toMatchObject({
      status: 1,
      report: { services: [{ firstProblem: { position: 9, reason: 'missing' } }] },
    });

    const wrongHead = python([path.join(tmp, 'all.ndjson'), '--head', `enrolment=${'f'.repeat(64)}`]);
    expect(wrongHead).toMatchObject({
      status: 1,
      report: { services: [{ firstProblem: { reason: 'head-mismatch' } }] },
    });
  });

  it('streams NDJSON to stdout when there is no --out, with the summary on stderr', async () => {
    const { code, stdout, stderr } = await audit(['export', ...conn(), '--stream', 'probe-1']);
    expect(code).toBe(0);
    const [probe] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ExportLine);
    expect(probe).toMatchObject({
      type: 'CanonicalFormProbe',
      payload: { numbers: [0, -1, 12.5, 0.1, 1e21, 1e-7, 1.5e-7, 123456.789, -0.000001, 9007199254740991, 2.5e25] },
    });
    expect(stderr).toContain('exported 1 event(s)');
    const json = await auditJson(['export', ...conn(), '--stream', 'probe-1', '--out', path.join(tmp, 'p.ndjson')]);
    expect(json.report).toMatchObject({ exported: 1, interrupted: false });
  });
});
