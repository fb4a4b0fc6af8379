#!/usr/bin/env node
// PostgreSQL for development and tests: DATABASE_URL names the server (default: the local one on
// 127.0.0.1:5432). Starts the local Debian cluster when it is installed but down, and creates one
// database per service — each service owns its data and shares nothing but Kafka topics.
//
//   node deploy/postgres/postgres.mjs ensure|status
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
export const SERVICES = ['gateway', 'enrolment', 'assessment', 'budget', 'feedback'];
export const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

export function serverUrl() {
  return process.env.DATABASE_URL ?? LOCAL_SERVER;
}

/** The URL of one service's own database on the same server as DATABASE_URL. */
export function serviceDatabaseUrl(service, server = serverUrl()) {
  const url = new URL(server);
  url.pathname = `/${databaseName(service)}`;
  return url.toString();
}

export function databaseName(service) {
  return `${process.env.KOMPETEN_DB_PREFIX ?? 'kompeten'}_${service}`;
}

async function canConnect(url) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function startLocalCluster(log) {
  if (!fs.existsSync('/etc/postgresql')) return false;
  for (const version of fs.readdirSync('/etc/postgresql')) {
    log(`postgres: starting the local cluster ${version}/main`);
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    } catch {
      /* already running, or not ours to start: the connect loop below decides */
    }
  }
  return true;
}

/** Makes sure the server answers and every service's database exists. */
export async function ensurePostgres({ log = console.log, services = SERVICES } = {}) {
  const url = serverUrl();
  if (!(await canConnect(url))) {
    const local = new URL(url).hostname === '127.0.0.1' || new URL(url).hostname === 'localhost';
    if (!local || !startLocalCluster(log)) throw new Error(`postgres: ${redact(url)} does not answer`);
    for (let i = 0; i < 60 && !(await canConnect(url)); i++) await new Promise((r) => setTimeout(r, 500));
    if (!(await canConnect(url))) throw new Error(`postgres: ${redact(url)} did not come up`);
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const service of services) {
      const name = databaseName(service);
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (!rowCount) {
        await client.query(`create database "${name}"`).catch((e) => {
          if (e.code !== '42P04') throw e;
        });
        log(`postgres: created database ${name}`);
      }
    }
  } finally {
    await client.end();
  }
  return { server: url };
}

export function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cmd = process.argv[2] ?? 'status';
  const run = {
    ensure: () => ensurePostgres(),
    status: async () => {
      const ok = await canConnect(serverUrl());
      console.log(ok ? 'postgres: up' : 'postgres: down');
      process.exitCode = ok ? 0 : 1;
    },
  }[cmd];
  if (!run) {
    console.error('usage: postgres.mjs ensure|status');
    process.exit(2);
  }
  run().catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
