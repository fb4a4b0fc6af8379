import { spawn } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { reapWhenTestsEnd, ROOT } from './reaper';

/**
 * A Kafka broker of these tests' own (port 19292 unless RELIABILITY_KAFKA_PORT says otherwise; data
 * in .cache/kafka-<port>): the fault tests stop and start it, and the services under test use fixed
 * consumer groups, so nothing here touches the shared development broker on 9092.
 */
export const PRIVATE_KAFKA_PORT = Number(process.env.RELIABILITY_KAFKA_PORT ?? 19292);
export const PRIVATE_BROKERS = `127.0.0.1:${PRIVATE_KAFKA_PORT}`;

const SCRIPT = path.join(ROOT, 'deploy', 'kafka', 'broker.mjs');
const brokerEnv = { KOMPETEN_KAFKA_PORT: String(PRIVATE_KAFKA_PORT), KAFKA_BROKERS: PRIVATE_BROKERS };

function brokerScript(command: 'start' | 'stop'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, command], {
      cwd: ROOT,
      env: { ...process.env, ...brokerEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`broker.mjs ${command} exited ${code}:\n${out}`)),
    );
  });
}

/** Starts the private broker (and creates the project's topics) unless it is up; it is stopped when the test run ends. */
export async function startPrivateBroker(): Promise<void> {
  await brokerScript('start');
  reapWhenTestsEnd(`kafka-${PRIVATE_KAFKA_PORT}`, [
    '/usr/bin/env',
    ...Object.entries(brokerEnv).map(([k, v]) => `${k}=${v}`),
    process.execPath,
    SCRIPT,
    'stop',
  ]);
}

/** Stops the private broker (a clean broker shutdown, as an operator or a crashed node would cause an outage). */
export async function stopPrivateBroker(): Promise<void> {
  await brokerScript('stop');
}

/** For in-process services (the test helpers read KAFKA_BROKERS): point them at the private broker; returns the undo. */
export async function usePrivateBroker(): Promise<() => void> {
  await startPrivateBroker();
  const before = process.env.KAFKA_BROKERS;
  process.env.KAFKA_BROKERS = PRIVATE_BROKERS;
  return () => {
    if (before === undefined) delete process.env.KAFKA_BROKERS;
    else process.env.KAFKA_BROKERS = before;
  };
}

export const privateKafka = (clientId = 'kompeten-reliability') =>
  new Kafka({
    clientId,
    brokers: [PRIVATE_BROKERS],
    logLevel: logLevel.NOTHING,
    retry: { retries: 8, initialRetryTime: 200 },
  });
