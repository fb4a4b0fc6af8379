#!/usr/bin/env node
// Development tokens: `npm run token -- --role training-officer [--unit DINKES] [--nip …] [--sub …] [--ttl 8h]`;
// a learning platform's client-credentials token: `npm run token -- --role learning-platform --client moodle-bkpsdm`
// signs a JWT with a local ES256 key made on first use in .cache/dev-keys/ (never committed); the
// gateway trusts its public half through AUTH_LOCAL_JWKS (npm start sets it). Production uses a
// real identity provider instead (AUTH_JWKS_URL, e.g. Keycloak).
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const dir = path.join(root, '.cache', 'dev-keys');
export const DEV_JWKS = path.join(dir, 'jwks.json');
const ROLES = ['admin', 'training-officer', 'unit-head', 'staff', 'auditor', 'kiosk', 'learning-platform'];

/** Makes the development key pair once; returns the public JWKS path. */
export async function ensureDevKeys() {
  if (fs.existsSync(DEV_JWKS)) return DEV_JWKS;
  const { generateKeyPair, exportJWK } = require('jose');
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `kompeten-dev-${Date.now().toString(36)}`;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'private.jwk.json'),
    JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }),
    { mode: 0o600 },
  );
  fs.writeFileSync(
    DEV_JWKS,
    JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }),
  );
  return DEV_JWKS;
}

/**
 * The gateway's development key for the identity it signs on every call to a service (Ed25519), made
 * once: the gateway gets the private JWK (INTERNAL_IDENTITY_SIGNING_KEY), the services the public JWKS
 * (INTERNAL_IDENTITY_JWKS). A deployment makes its own pair (deploy/RUNBOOK.md).
 */
export function ensureInternalIdentityKeys() {
  const signingKey = path.join(dir, 'internal-identity.private.jwk.json');
  const jwks = path.join(dir, 'internal-identity.jwks.json');
  if (!fs.existsSync(signingKey) || !fs.existsSync(jwks)) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = `kompeten-gateway-dev-${Date.now().toString(36)}`;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(signingKey, JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }), { mode: 0o600 });
    fs.writeFileSync(
      jwks,
      JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }] }),
    );
  }
  return { signingKey, jwks };
}

/**
 * Signs a development token for one role (claims: sub, roles, unit, nip; audience kompeten). A learning
 * platform's carries its client id as `azp`, as Keycloak's client-credentials tokens do (sub: its service account).
 */
export async function devToken({ role, unit, nip, sub, client, ttl = '8h' }) {
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'learning-platform' && !client)
    throw new Error('--client <clientId> is required for a learning platform');
  await ensureDevKeys();
  const { SignJWT, importJWK } = require('jose');
  const jwk = JSON.parse(fs.readFileSync(path.join(dir, 'private.jwk.json'), 'utf8'));
  return new SignJWT({
    roles: [role],
    ...(unit ? { unit } : {}),
    ...(nip ? { nip } : {}),
    ...(client ? { azp: client } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
    .setSubject(sub ?? nip ?? (client ? `service-account-${client}` : `${role}${unit ? `-${unit.toLowerCase()}` : ''}`))
    .setAudience('kompeten')
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(await importJWK(jwk, 'ES256'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = Object.fromEntries(
    process.argv
      .slice(2)
      .join(' ')
      .split('--')
      .filter(Boolean)
      .map((a) => a.trim().split(/\s+/))
      .map(([k, v]) => [k, v]),
  );
  if (!args.role) {
    console.error(
      `usage: npm run token -- --role <${ROLES.join('|')}> [--unit OPD] [--nip NIP] [--client id] [--sub id] [--ttl 8h]`,
    );
    process.exit(2);
  }
  devToken(args)
    .then((t) => console.log(t))
    .catch((e) => {
      console.error(e.message);
      process.exit(2);
    });
}
