import { createPrivateKey, KeyObject, randomUUID, sign } from 'node:crypto';
import fs from 'node:fs';

/**
 * The gateway's word to a service about who is calling: a short-lived JWT (EdDSA, Ed25519) signed by
 * the gateway for one request to one service. A service trusts nothing else — not `x-actor`, not the
 * network — so the actor written into the permanent log cannot be forged from inside the cluster.
 */
export const IDENTITY_HEADER = 'x-kompeten-identity';
export const IDENTITY_ISSUER = 'kompeten-gateway';
/** Long enough for one call and its retries, short enough that a captured token is worth little. */
export const IDENTITY_TTL_SECONDS = 60;

/** Who is calling, as the gateway authenticated them. */
export interface InternalIdentity {
  /** As written into events: `<strongest role>:<subject>`, or `gateway` for the gateway's own lookups. */
  actor: string;
  roles: string[];
  /** A unit-head's OPD. */
  unit?: string;
  /** A staff member's NIP. */
  nip?: string;
  correlationId: string;
}

/** The claims on the wire (JWT names where one exists). */
export interface IdentityClaims {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  roles: string[];
  unit?: string;
  nip?: string;
  /** Correlation id of the conversation. */
  cid: string;
  /** The request it was signed for — method and path with query — so it cannot be replayed on another. */
  htm: string;
  htu: string;
}

export interface IdentitySigningKey {
  kid: string;
  key: KeyObject;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * Signs synchronously (node:crypto; Ed25519 signing takes tens of microseconds), so a test's
 * supertest chain can set the header without awaiting. Services verify with jose.
 */
export function signIdentity(
  signing: IdentitySigningKey,
  identity: InternalIdentity,
  request: { audience: string; method: string; url: string },
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const claims: IdentityClaims = {
    iss: IDENTITY_ISSUER,
    aud: request.audience,
    sub: identity.actor,
    iat: nowSeconds,
    exp: nowSeconds + IDENTITY_TTL_SECONDS,
    jti: randomUUID(),
    roles: identity.roles,
    ...(identity.unit ? { unit: identity.unit } : {}),
    ...(identity.nip ? { nip: identity.nip } : {}),
    cid: identity.correlationId,
    htm: request.method.toUpperCase(),
    htu: request.url,
  };
  const input = `${b64url(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: signing.kid }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${sign(null, Buffer.from(input), signing.key).toString('base64url')}`;
}

/** A setting that holds JSON inline or names a file that does. */
export function readJsonSetting(value: string): unknown {
  return JSON.parse(value.trim().startsWith('{') ? value : fs.readFileSync(value, 'utf8'));
}

/** INTERNAL_IDENTITY_SIGNING_KEY: an Ed25519 private JWK (with `kid`), inline or a file. */
export function identitySigningKeyFrom(setting: string): IdentitySigningKey {
  const jwk = readJsonSetting(setting) as { kty?: string; crv?: string; d?: string; kid?: string };
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d)
    throw new Error('INTERNAL_IDENTITY_SIGNING_KEY must be an Ed25519 private JWK (kty OKP, crv Ed25519, d)');
  return { kid: jwk.kid ?? 'gateway', key: createPrivateKey({ key: jwk as never, format: 'jwk' }) };
}
