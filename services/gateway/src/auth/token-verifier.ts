import { Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GatewayConfig } from '@kompeten/config';
import { InjectConfig, readJsonSetting } from '@kompeten/platform';
import { Principal, Role, ROLES } from './principal';

/**
 * Verifies bearer tokens against a JWKS URL (a real identity provider such as Keycloak) and/or a
 * local JWKS (development: `npm run token` signs with its private half; refused in production by
 * the config). Only the configured asymmetric algorithms are accepted, and a token must say when it
 * expires (`exp`) and whom it is about (`sub`): one without would never expire, or act as nobody.
 */
@Injectable()
export class TokenVerifier {
  private readonly keySets: JWTVerifyGetKey[] = [];

  constructor(@InjectConfig() private readonly config: GatewayConfig) {
    if (config.AUTH_JWKS_URL)
      this.keySets.push(createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), { timeoutDuration: 3000 }));
    if (config.AUTH_LOCAL_JWKS) {
      // Inline JSON or a file, read as the services read the gateway's keys. Parsed JSON is untyped;
      // createLocalJWKSet checks the shape itself (JWKSInvalid when it is not one).
      this.keySets.push(createLocalJWKSet(readJsonSetting(config.AUTH_LOCAL_JWKS) as JSONWebKeySet));
    }
  }

  async verify(token: string): Promise<Principal> {
    let lastError: unknown;
    for (const keys of this.keySets) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          audience: this.config.AUTH_AUDIENCE,
          issuer: this.config.AUTH_ISSUER || undefined,
          algorithms: this.config.authAlgorithms,
          requiredClaims: ['exp', 'sub'],
          clockTolerance: 30,
        });
        return {
          ...principalFrom(payload, this.config.AUTH_CLIENT_ID),
          expiresAt: payload.exp! * 1000,
          tokenId: createHash('sha256').update(token).digest('base64url'),
        };
      } catch (e) {
        lastError = e;
      }
    }
    throw new UnauthorizedException(`invalid token: ${(lastError as Error)?.message ?? 'no key configured'}`);
  }
}

/** A claim that is a list of strings, else nothing: a string "admin" is not a list of roles. */
const stringList = (claim: unknown): string[] =>
  Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [];

const field = (claim: unknown, name: string): unknown =>
  typeof claim === 'object' && claim !== null ? (claim as Record<string, unknown>)[name] : undefined;

/**
 * The roles a token grants, read precisely: with a client id, only the client's own roles
 * (Keycloak `resource_access.<client>.roles`) — realm roles may be meant for another application;
 * without one, `roles` or Keycloak's `realm_access.roles`. Each must be an array of strings; roles
 * Kompeten does not know are ignored.
 */
export function rolesFrom(payload: JWTPayload, clientId?: string): Role[] {
  const claimed = clientId
    ? stringList(field(field(payload.resource_access, clientId), 'roles'))
    : payload.roles !== undefined
      ? stringList(payload.roles)
      : stringList(field(payload.realm_access, 'roles'));
  return ROLES.filter((r) => claimed.includes(r));
}

/**
 * The client the token was issued to: RFC 9068's `client_id`, else `azp` (Keycloak sets it on every
 * token; older Keycloak also `clientId`). Only a string counts.
 */
export function clientIdFrom(payload: JWTPayload): string | undefined {
  for (const claim of [payload.client_id, payload.azp, payload.clientId])
    if (typeof claim === 'string' && claim !== '') return claim;
  return undefined;
}

export function principalFrom(payload: JWTPayload, clientId?: string): Principal {
  const roles = rolesFrom(payload, clientId);
  return {
    sub: String(payload.sub ?? ''),
    roles,
    unit: typeof payload.unit === 'string' ? payload.unit : undefined,
    nip: typeof payload.nip === 'string' ? payload.nip : undefined,
    clientId: clientIdFrom(payload),
  };
}
