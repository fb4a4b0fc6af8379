import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { SourceCursor } from '@kompeten/audit';
import { eventually, testKafka } from '@kompeten/testing';
import { buildDist, spawnAudit } from './support/audit-cli';
import { auditFixture, AuditFixture } from './support/audit-fixture';
import { confirmed, enrolled, onProgramme, progress, publishProgramme } from './support/enrolment-log';
import type { CheckpointFile, ReplayNdjsonLine, VerifyReport } from './support/reports';

const EVENTS = 200_000;
const HEAP = ['--max-old-space-size=64'];
const figures: string[] = [];
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
/** How far a run got, as its `--resume` checkpoint file says. */
const checkpointState = <S>(file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as CheckpointFile<S>).state;

/** Reads an export line by line (it is far too big to hold) and checks it is the whole log, in order. */
async function checkExport(file: string): Promise<{ lines: number; last: { position: number; hash: string } }> {
  let lines = 0;
  let last = { position: 0, hash: '' };
  for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
    const r = JSON.parse(line) as { position: number; hash: string; prevHash: string };
    if (r.position !== last.position + 1 || (lines > 0 && r.prevHash !== last.hash))
      throw new Error(`line ${lines + 1}: position ${r.position} after ${last.position}`);
    last = { position: r.position, hash: r.hash };
    lines++;
  }
  return { lines, last };
}

// The CLI as its own process with a 64 MB heap, over a log that as one array of records would need
// several times that: it only works because export, verify and replay stream. Each long run is
// also interrupted with Ctrl-C and resumed, and shows progress only when asked (stderr is a pipe).
describe('audit over a log larger than its heap', () => {
  const kafka = testKafka('audit-streaming');
  let f: AuditFixture;
  let tmp: string;
  let head: { position: number; hash: string };
  const conn = () => ['--database-url', f.db.url];
  const run = async (label: string, args: string[]) => {
    const started = Date.now();
    const child = spawnAudit(args, HEAP);
    const exit = await child.exited;
    figures.push(`${label}: exit ${exit.code}, ${seconds(started)}, peak RSS ${exit.peakRssMb} MB`);
    return { ...exit, stdout: child.stdout(), stderr: child.stderr() };
  };
  const interrupt = async (
    label: string,
    args: string[],
    ready: () => Promise<boolean | undefined> | boolean | undefined,
  ) => {
    const started = Date.now();
    const child = spawnAudit(args, HEAP);
    await eventually(ready, 120_000, 20);
    child.child.kill('SIGINT');
    const exit = await child.exited;
    figures.push(`${label}: interrupted (exit ${exit.code}) after ${seconds(started)}, peak RSS ${exit.peakRssMb} MB`);
    return { ...exit, stderr: child.stderr() };
  };

  beforeAll(async () => {
    buildDist();
    const started = Date.now();
    f = await auditFixture(kafka, 'audit_stream');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-stream-'));
    await publishProgramme(f.store, 'besar');
    for (let i = 1; i <= 50; i++)
      await onProgramme(f.store, 'besar', [enrolled('besar', i), confirmed('besar', i)], `e-${i}`);
    // Self-paced learning statements, the most numerous events a real log holds; big appends.
    const perAppend = 5000;
    for (let n = 0; (await f.headPosition()) < EVENTS; n++) {
      await f.store.append(
        `programme-mandiri-${n}`,
        'any',
        Array.from({ length: perAppend }, (_, k) => progress('besar', 1 + (k % 50), n * perAppend + k)),
        { actor: 'service:lms', correlationId: `lms-batch-${n}`, causationId: null },
      );
    }
    head = await f.store.head();
    figures.push(`appended ${head.position} events in ${seconds(started)}`);
  }, 300_000);
  afterAll(async () => {
    await f.close();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(`audit streaming figures:\n  ${figures.join('\n  ')}\n`);
  });

  it('exports the whole log with a 64 MB heap; Ctrl-C stops it, --resume finishes it with nothing lost or repeated', async () => {
    const out = path.join(tmp, 'all.ndjson');
    const checkpoint = path.join(tmp, 'export.checkpoint.json');
    const args = ['export', '--service', 'enrolment', ...conn(), '--out', out, '--resume', checkpoint];
    const cursor = () =>
      fs.existsSync(checkpoint) ? checkpointState<{ cursor: SourceCursor }>(checkpoint).cursor.position : 0;
    const first = await interrupt('export', args, () => (cursor() > 0 ? true : undefined));
    expect(first.code).toBe(130);
    expect(first.stderr).toMatch(/interrupted; run the same command again/);
    expect(cursor()).toBeGreaterThan(0);
    expect(cursor()).toBeLessThan(head.position);
    figures.push(`  checkpoint at position ${cursor()}`);

    const second = await run('export resumed', args);
    expect(second.code).toBe(0);
    expect(fs.existsSync(checkpoint)).toBe(false);
    expect(`${first.stderr}${second.stderr}`).not.toMatch(/ev\/s|\r/); // stderr is a pipe: no progress lines
    const size = fs.statSync(out).size;
    figures.push(`  export file ${(size / 2 ** 20).toFixed(0)} MB`);
    expect(size).toBeGreaterThan(2 * 64 * 2 ** 20); // the text alone is twice the heap; as objects, many times
    expect(await checkExport(out)).toEqual({ lines: head.position, last: head });
  }, 240_000);

  it('verifies the store’s chain with a 64 MB heap, showing events/s and an ETA when asked', async () => {
    const result = await run('verify (store)', [
      'verify',
      '--service',
      'enrolment',
      ...conn(),
      '--copies',
      'store',
      '--progress',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as VerifyReport).services[0]).toMatchObject({
      ok: true,
      store: { count: head.position, headHash: head.hash, headAgrees: true },
    });
    expect(result.stderr).toMatch(/verify enrolment store · [\d,]+ events · [\d,]+ ev\/s · \d+% · ETA \S+/);
  }, 240_000);

  it('replays a read model over the whole log with a 64 MB heap, interrupted and resumed', async () => {
    const checkpoint = path.join(tmp, 'replay.checkpoint.json');
    const out = path.join(tmp, 'replayed.ndjson');
    const args = [
      'replay',
      'training-history',
      '--position',
      String(head.position),
      '--out',
      out,
      '--resume',
      checkpoint,
      ...conn(),
      '--work-database-url',
      f.db.url,
    ];
    let schema = '';
    const applied = async () => {
      if (!schema && fs.existsSync(checkpoint)) schema = checkpointState<{ schema: string }>(checkpoint).schema;
      if (!schema) return 0;
      const rows = await f.ds
        .query<{ value: { events: number } }[]>(
          `select value from "${schema}"._audit_replay where key = 'source:enrolment'`,
        )
        .catch(() => []);
      return Number(rows[0]?.value.events ?? 0);
    };
    const first = await interrupt('replay', args, async () => ((await applied()) > 10_000 ? true : undefined));
    expect(first.code).toBe(130);
    const stoppedAt = await applied();
    expect(stoppedAt).toBeLessThan(head.position);
    figures.push(`  replay stopped after ${stoppedAt} events`);

    const second = await run('replay resumed', args);
    expect(second.code).toBe(0);
    expect(fs.existsSync(checkpoint)).toBe(false);
    expect(await f.ds.query('select 1 from pg_namespace where nspname = $1', [schema])).toHaveLength(0); // its scratch schema is gone
    const [meta, ...rows] = fs
      .readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ReplayNdjsonLine);
    expect(meta.meta?.sources).toEqual([
      expect.objectContaining({ events: head.position, lastPosition: head.position, chainHash: head.hash }),
    ]);
    expect(rows.filter((r) => r.view === 'training')).toHaveLength(50);
  }, 240_000);
});
