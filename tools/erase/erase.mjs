#!/usr/bin/env node
// Erasing a person's personal data from a terminal (UU 27/2022), the same operation as the admins'
// POST /api/v1/admin/erasures on the gateway, which fans it out to every service:
//   npm run erase -- staff:198609262015051001 --reason data-subject-request
//   npm run erase -- respondent:<submissionId> --reason consent-withdrawn [--out report.json]
// Options: --gateway <url> (default KOMPETEN_GATEWAY_URL or the local gateway), --token <admin JWT>
// (default KOMPETEN_TOKEN; on a development machine a development admin token), --out <file>.
// Prints where the person's data was and the proof; exits 0 only when every service erased the
// person, every place reads as erased and every chain verifies. Safe to repeat.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE =
  'usage: npm run erase -- <staff:NIP | respondent:submissionId> --reason <data-subject-request|consent-withdrawn|retention-expired|unlawful-processing> [--gateway url] [--token jwt] [--out file]';

function parse(argv) {
  const options = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) options[arg.slice(2)] = argv[++i];
    else options.positional.push(arg);
  }
  return options;
}

async function tokenFor(options) {
  if (options.token ?? process.env.KOMPETEN_TOKEN) return options.token ?? process.env.KOMPETEN_TOKEN;
  if (process.env.NODE_ENV === 'production') throw new Error('--token (or KOMPETEN_TOKEN) is required: an admin token');
  const { devToken } = await import(path.join(root, 'scripts', 'dev-token.mjs'));
  return devToken({ role: 'admin', sub: `erase-tool-${process.env.USER ?? 'operator'}`, ttl: '5m' });
}

async function main() {
  const options = parse(process.argv.slice(2));
  const [subject] = options.positional;
  if (options.help || !subject || !options.reason) {
    console.error(USAGE);
    return 2;
  }
  const settings = JSON.parse(fs.readFileSync(path.join(root, 'libs/config/src/settings.json'), 'utf8'));
  const gateway = (
    options.gateway ??
    process.env.KOMPETEN_GATEWAY_URL ??
    `http://127.0.0.1:${settings.ports.gateway}`
  ).replace(/\/$/, '');
  const res = await fetch(`${gateway}/api/v1/admin/erasures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(options)}` },
    body: JSON.stringify({ subject, reason: options.reason }),
  });
  const text = await res.text();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    report = { status: res.status, body: text };
  }
  if (options.out) fs.writeFileSync(options.out, JSON.stringify(report, null, 2) + '\n', { mode: 0o600 });
  if (!res.ok) {
    console.error(`erasure refused or incomplete (${res.status}): ${report.detail ?? report.title ?? text}`);
    for (const e of report.errors ?? []) console.error(`  ${e.field}: ${e.message}`);
    for (const s of report.services ?? []) console.error(`  ${s.service}: ${s.failed ?? 'erased'}`);
    return 1;
  }
  console.log(`erasure ${report.erasureId} of ${report.subject} (${report.reason})`);
  for (const s of report.services)
    console.log(
      `  ${s.service.padEnd(10)} ${s.alreadyErased ? 'already erased' : 'erased'}; event ${s.event.stream} @${s.event.position}; ${s.places.length} place(s); chain ${s.proof.chain.ok && s.proof.chain.headAgrees ? `verifies (${s.proof.chain.count} events)` : 'BROKEN'}`,
    );
  for (const p of report.places) console.log(`    ${p.service} ${p.stream} @${p.position} ${p.type}.${p.field}`);
  const proven = report.complete && report.proof.fieldsReadAsErased && report.proof.chainsVerify;
  console.log(proven ? 'proof: every place reads as erased, every chain verifies' : 'proof FAILED: see the report');
  if (!options.out) console.log(JSON.stringify(report));
  return proven ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`erase: ${e.message}`);
    process.exit(2);
  },
);
