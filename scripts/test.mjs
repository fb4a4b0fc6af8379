#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs dependencies if missing, brings up Postgres
// and a real Kafka broker when they are not up, type-checks, checks module boundaries, runs Jest,
// and stops the broker again if it started it. Extra arguments go to Jest (`npm test -- event-store`).
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

ensureInstalled();
const { infraUp, stopKafka } = await import('./infra.mjs');
const infra = await infraUp();
let status = 0;
try {
  const jestArgs = process.argv.slice(2);
  // Always build: the process tests run the compiled services, which must match the sources.
  status ||= step('build (tsc -b)', bin('tsc'), ['-b', 'tsconfig.build.json']);
  if (jestArgs.length === 0) {
    status ||= step('type-check tests (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
    status ||= step('module boundaries (dependency-cruiser)', bin('depcruise'), [
      '--config',
      '.dependency-cruiser.cjs',
      'libs',
      'services',
    ]);
  }
  status ||= step('jest', process.execPath, ['--expose-gc', bin('jest'), '--runInBand', ...jestArgs]);
} finally {
  if (infra.startedKafka && !process.env.KOMPETEN_KEEP_KAFKA) await stopKafka();
}
process.exit(status);
