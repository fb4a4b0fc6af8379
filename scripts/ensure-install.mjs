// `npm start` and `npm test` on a fresh clone install what is missing first (npm ci from the lock).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('install: npm ci (dependencies are missing or older than package-lock.json)');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
