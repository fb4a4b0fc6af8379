#!/usr/bin/env node
// Runs a command once a process has gone: a private broker or Postgres that a test run started is
// stopped when that run ends, even when Jest is killed before its own clean-up.
//   node reap-after-exit.mjs <pid to watch> <command> [args…]
import { spawnSync } from 'node:child_process';

const [watched, command, ...args] = process.argv.slice(2);
const alive = () => {
  try {
    process.kill(Number(watched), 0);
    return true;
  } catch {
    return false;
  }
};
const timer = setInterval(() => {
  if (alive()) return;
  clearInterval(timer);
  spawnSync(command, args, { stdio: 'ignore' });
}, 1000);
