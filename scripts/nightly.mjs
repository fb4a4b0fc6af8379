#!/usr/bin/env node
// `npm run nightly`: the fault, load and security tests at nightly strength — too long for CI.
// The test files of test/reliability and test/security that `npm test` runs, plus the ones only the
// nightly run picks up (`*.nightly-spec.ts`: the SIGKILL and replica tests, which each wait out a
// Kafka session timeout, and the injection sweep), all with RELIABILITY_PROFILE=nightly:
// a 60 s broker outage at twice the command rate, 10 s Postgres outages, a 2,000-staff backlog for the
// SIGKILL test, 1,000 staff per burst for the replicas, 3 minutes of gateway load, 200 fuzz runs per
// command route and 60 generated unit-scope cases. Prints a summary of what they measured at the end
// (every figure also lands in .cache/reliability/figures.ndjson). Any single setting can be overridden
// (RELIABILITY_OUTAGE_SECONDS, LOAD_SECONDS, FUZZ_RUNS, …: see the tests' headers).
//
//   npm run nightly                       everything
//   npm run nightly -- gateway-load       only the files matching a pattern (passed to Jest)
//   npm run load                          only the load test (LOAD_SECONDS=180 unless set)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const figuresFile = path.join(root, '.cache', 'reliability', 'figures.ndjson');

ensureInstalled();
// Imported only now, on purpose: these modules load packages (kafkajs, pg) that ensureInstalled may
// just have installed on a fresh clone.
const { infraUp, stopKafka } = await import('./infra.mjs');
const infra = await infraUp();
const started = new Date().toISOString();
let status;
try {
  const patterns = process.argv.slice(2);
  const env = { ...process.env, RELIABILITY_PROFILE: 'nightly' };
  console.log('\n▶ build (tsc -b)');
  status = spawnSync(bin('tsc'), ['-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' }).status ?? 1;
  if (status === 0) {
    console.log(
      `\n▶ jest (nightly profile): ${patterns.length ? patterns.join(' ') : 'test/reliability test/security'}`,
    );
    status =
      spawnSync(
        process.execPath,
        [
          '--expose-gc',
          bin('jest'),
          '--runInBand',
          '--testTimeout=1800000',
          // The nightly project exists only with RELIABILITY_PROFILE=nightly (jest.config.js).
          '--selectProjects',
          'int',
          'e2e',
          'nightly',
          '--',
          ...(patterns.length ? patterns : ['test/reliability', 'test/security']),
        ],
        { cwd: root, env, stdio: 'inherit' },
      ).status ?? 1;
  }
} finally {
  if (infra.startedKafka && !process.env.KOMPETEN_KEEP_KAFKA) await stopKafka();
}

const measured = fs.existsSync(figuresFile)
  ? fs
      .readFileSync(figuresFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
      .filter((l) => l.at >= started)
  : [];
console.log(`\n▶ figures measured in this run (${measured.length}); RELIABILITY.md explains each`);
for (const { test, figures } of measured) console.log(`  ${test}: ${JSON.stringify(figures)}`);
process.exit(status);
