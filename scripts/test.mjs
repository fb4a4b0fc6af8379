#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs dependencies if missing, brings up Postgres
// and a real Kafka broker when they are not up, builds, type-checks, checks module boundaries,
// formatting and lint, runs every Jest project, and stops the broker again if it started it.
//
//   npm test                      everything (what CI runs)
//   npm test -- <jest args>       build, then Jest with these arguments (`npm test -- event-store`)
//   npm run test:unit             the unit project only: no Postgres, no Kafka, no build
//   npm run test:int | test:e2e   one infrastructure project (build first)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const step = (title, cmd, args) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
};
const jest = (args) => step('jest', process.execPath, ['--expose-gc', bin('jest'), ...args]);

ensureInstalled();
// Imported only now, on purpose: these modules load packages (kafkajs, pg) that ensureInstalled may
// just have installed on a fresh clone.
const args = process.argv.slice(2);

if (args[0] === '--unit') {
  // Pure tests need nothing running and nothing built; two workers on a two-core machine.
  process.exit(jest(['--selectProjects', 'unit', '--maxWorkers=2', ...args.slice(1)]));
}
// `--project int` → Jest's `--selectProjects int`, closed by the next flag so that a path given after
// it (`npm run test:int -- event-store`) is read as a path, not as another project's name.
const jestArgs =
  args[0] === '--project' ? ['--selectProjects', args[1], '--runInBand', ...args.slice(2)] : ['--runInBand', ...args];

const { infraUp, stopKafka } = await import('./infra.mjs');
const infra = await infraUp();
let status = 0;
try {
  // Always build: the process tests run the compiled services, which must match the sources.
  status ||= step('build (tsc -b)', bin('tsc'), ['-b', 'tsconfig.build.json']);
  if (args.length === 0) {
    status ||= step('type-check tests (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
    status ||= step('module boundaries (dependency-cruiser)', bin('depcruise'), [
      '--config',
      '.dependency-cruiser.cjs',
      'libs',
      'services',
    ]);
    status ||= step('format (prettier --check)', bin('prettier'), [
      '--check',
      '--log-level',
      'warn',
      '**/*.{ts,js,mjs,cjs}',
    ]);
    status ||= step('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
  }
  // Int and e2e tests share one Postgres server and one broker: one file at a time.
  status ||= jest(jestArgs);
} finally {
  if (infra.startedKafka && !process.env.KOMPETEN_KEEP_KAFKA) await stopKafka();
}
process.exit(status);
