// The development key-encryption key for personal data (PERSONAL_DATA_KEK): 32 random bytes made once
// in .cache/dev-keys/ (never committed, mode 600). Its id names the key itself, so that a new file
// (the cache deleted) is a new KEK id rather than a silent mismatch. A deployment brings its own KEK
// from a secret store instead (deploy/RUNBOOK.md: rotation).
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, '.cache', 'dev-keys', 'personal-data-kek');

/** The development KEK's file and id (`dev-` + the start of its SHA-256), made on first use. */
export function ensurePersonalDataKek() {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  const kek = fs.readFileSync(file, 'utf8').trim();
  return { file, id: `dev-${createHash('sha256').update(kek).digest('hex').slice(0, 12)}` };
}
