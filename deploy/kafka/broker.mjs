#!/usr/bin/env node
// A real, single-node Apache Kafka broker (KRaft) for development and tests, started by the
// project itself: jars come from Maven Central through `mvn` (pom.xml beside this file) into
// .cache/kafka, so only the first start on a machine downloads anything.
//
//   node deploy/kafka/broker.mjs start|stop|status|topics
//
// KAFKA_BROKERS pointing anywhere but the local default means "use that cluster": nothing is
// started, only reachability is checked and topics are created.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
// A second broker (e.g. for fault tests that stop theirs) gets its own port and cache folder.
const PORT = Number(process.env.KOMPETEN_KAFKA_PORT ?? 9092);
export const LOCAL_BROKER = `127.0.0.1:${PORT}`;
const cache = process.env.KOMPETEN_KAFKA_CACHE ?? path.join(root, '.cache', PORT === 9092 ? 'kafka' : `kafka-${PORT}`);
const libs = path.join(cache, 'libs');
const dataDir = path.join(cache, 'data');
const pidFile = path.join(cache, 'broker.pid');
const logFile = path.join(cache, 'broker.log');

export function brokersFromEnv() {
  return (process.env.KAFKA_BROKERS ?? LOCAL_BROKER)
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** Can a Kafka client list topics? (The readiness test the issue asks for, not a port probe.) */
export async function canListTopics(brokers, timeoutMs = 3000) {
  const { Kafka, logLevel } = require('kafkajs');
  const admin = new Kafka({
    clientId: 'kompeten-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

function resolveJars(log) {
  const pom = path.join(here, 'pom.xml');
  const stamp = path.join(libs, '.resolved');
  const pomHash = fs.readFileSync(pom, 'utf8');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === pomHash) return;
  log('kafka: resolving the broker from Maven Central (first start on this machine only)…');
  fs.rmSync(libs, { recursive: true, force: true });
  fs.mkdirSync(libs, { recursive: true });
  execFileSync(
    'mvn',
    ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${libs}`, '-DincludeScope=runtime'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  fs.writeFileSync(stamp, pomHash);
}

function java() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function writeConfig() {
  const props = fs
    .readFileSync(path.join(here, 'server.properties'), 'utf8')
    .replaceAll('@LOG_DIR@', dataDir.replace(/\\/g, '/'))
    .replaceAll('127.0.0.1:9092', LOCAL_BROKER)
    .replaceAll('127.0.0.1:9093', `127.0.0.1:${PORT + 1}`);
  const file = path.join(cache, 'server.properties');
  fs.writeFileSync(file, props);
  return file;
}

function format(config, log) {
  if (fs.existsSync(path.join(dataDir, 'meta.properties'))) return;
  // A Kafka cluster id is 16 random bytes, base64url without padding. One in 64 starts with '-',
  // which the storage tool's argument parser takes for an option (a fresh-clone run failed so):
  // like Kafka's own Uuid.randomUuid, draw again; and pass it as --cluster-id=<id> all the same.
  let clusterId;
  do clusterId = randomBytes(16).toString('base64url');
  while (clusterId.startsWith('-'));
  log(`kafka: formatting a KRaft log dir (cluster ${clusterId})`);
  execFileSync(
    java(),
    [
      '-cp',
      path.join(libs, '*'),
      `-Dlog4j2.configurationFile=${path.join(here, 'log4j2.properties')}`,
      'kafka.tools.StorageTool',
      'format',
      `--cluster-id=${clusterId}`,
      '-c',
      config,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

function runningPid() {
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Makes sure a broker answers at KAFKA_BROKERS (default 127.0.0.1:9092).
 * Returns { brokers, started } — started is true only when this call launched the JVM,
 * so whoever started it can stop it again.
 */
export async function ensureKafka({ log = console.log, waitMs = 120000 } = {}) {
  const brokers = brokersFromEnv();
  if (await canListTopics(brokers)) return { brokers, started: false };
  const external = brokers.join(',') !== LOCAL_BROKER;
  if (external)
    throw new Error(`KAFKA_BROKERS=${brokers.join(',')} does not answer; start that cluster or unset KAFKA_BROKERS`);

  fs.mkdirSync(cache, { recursive: true });
  resolveJars(log);
  const config = writeConfig();
  format(config, log);
  log(`kafka: starting a single-node broker on ${LOCAL_BROKER}`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    java(),
    [
      '-Xms256m',
      '-Xmx512m',
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${path.join(here, 'log4j2.properties')}`,
      '-cp',
      path.join(libs, '*'),
      'kafka.Kafka',
      config,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  fs.writeFileSync(pidFile, String(child.pid));
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`kafka: the broker exited during start; see ${logFile}\n${tail(logFile)}`);
    if (await canListTopics(brokers, 2000)) {
      log(`kafka: ready (pid ${child.pid})`);
      return { brokers, started: true };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`kafka: no answer within ${waitMs / 1000}s; see ${logFile}\n${tail(logFile)}`);
}

/** Stops the broker this project started (found by its pid file); leaves foreign brokers alone. */
export async function stopKafka({ log = console.log } = {}) {
  const pid = runningPid();
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 300; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      fs.rmSync(pidFile, { force: true });
      log('kafka: stopped');
      return true;
    }
  }
  process.kill(pid, 'SIGKILL');
  fs.rmSync(pidFile, { force: true });
  log('kafka: killed after 30 s');
  return true;
}

/** Creates the topics the contracts library declares (explicitly: auto-create is off). */
export async function ensureTopics(brokers, { log = console.log } = {}) {
  const { Kafka, logLevel } = require('kafkajs');
  const topics = JSON.parse(fs.readFileSync(path.join(root, 'libs', 'contracts', 'src', 'topics.json'), 'utf8'));
  const admin = new Kafka({ clientId: 'kompeten-topics', brokers, logLevel: logLevel.ERROR }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
          configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
        })),
      });
      log(`kafka: created ${missing.length} topic(s): ${missing.map((t) => t.name).join(', ')}`);
    }
  } finally {
    await admin.disconnect();
  }
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cmd = process.argv[2] ?? 'status';
  const run = {
    start: async () => {
      const { brokers } = await ensureKafka();
      await ensureTopics(brokers);
    },
    stop: async () => {
      if (!(await stopKafka())) console.log('kafka: no broker started by this project is running');
    },
    status: async () => {
      const ok = await canListTopics(brokersFromEnv());
      console.log(ok ? `kafka: up at ${brokersFromEnv()}` : 'kafka: down');
      process.exitCode = ok ? 0 : 1;
    },
    topics: async () => ensureTopics(brokersFromEnv()),
  }[cmd];
  if (!run) {
    console.error('usage: broker.mjs start|stop|status|topics');
    process.exit(2);
  }
  run().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
