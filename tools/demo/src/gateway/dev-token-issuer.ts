import fs from 'node:fs';
import path from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import type { Actor, TokenIssuer } from './gateway-client';

/**
 * Signs tokens with the development key `npm start` makes in .cache/dev-keys/ (the same key and
 * claims as scripts/dev-token.mjs; the development gateway trusts its public half). A production
 * gateway trusts only its identity provider, so this works against a development platform only.
 */
export function devTokenIssuer(root: string): TokenIssuer {
  const file = path.join(root, '.cache', 'dev-keys', 'private.jwk.json');
  if (!fs.existsSync(file))
    throw new Error(`no development key at ${file}: start the platform with npm start first (it makes the key)`);
  const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const key = importJWK(jwk, 'ES256');
  return async (actor: Actor) =>
    new SignJWT({
      roles: [actor.role],
      ...(actor.unit ? { unit: actor.unit } : {}),
      ...(actor.nip ? { nip: actor.nip } : {}),
      ...(actor.clientId ? { azp: actor.clientId } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: jwk.kid })
      .setSubject(actor.sub)
      .setAudience('kompeten')
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(await key);
}
