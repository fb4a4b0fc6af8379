import { Injectable, UnauthorizedException } from '@nestjs/common';
import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { GatewayConfig } from '@kompeten/config';
import { InjectConfig } from '@kompeten/platform';
import { Principal, Role, ROLES } from './principal';

/**
 * Verifies bearer tokens against a JWKS URL (a real identity provider such as Keycloak) and/or a
 * local JWKS (development: `npm run token` signs with its private half). Roles come from `roles`
 * or Keycloak's `realm_access.roles`; unknown roles are ignored.
 */
@Injectable()
export class TokenVerifier {
  private readonly keySets: JWTVerifyGetKey[] = [];

  constructor(@InjectConfig() private readonly config: GatewayConfig) {
    if (config.AUTH_JWKS_URL)
      this.keySets.push(createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), { timeoutDuration: 3000 }));
    if (config.AUTH_LOCAL_JWKS) {
      const text = config.AUTH_LOCAL_JWKS.trim().startsWith('{')
        ? config.AUTH_LOCAL_JWKS
        : fs.readFileSync(config.AUTH_LOCAL_JWKS, 'utf8');
      // Parsed JSON is untyped; createLocalJWKSet checks the shape itself (JWKSInvalid when it is not one).
      this.keySets.push(createLocalJWKSet(JSON.parse(text) as JSONWebKeySet));
    }
  }

  async verify(token: string): Promise<Principal> {
    let lastError: unknown;
    for (const keys of this.keySets) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          audience: this.config.AUTH_AUDIENCE,
          issuer: this.config.AUTH_ISSUER || undefined,
          clockTolerance: 30,
        });
        return principalFrom(payload);
      } catch (e) {
        lastError = e;
      }
    }
    throw new UnauthorizedException(`invalid token: ${(lastError as Error)?.message ?? 'no key configured'}`);
  }
}

export function principalFrom(payload: JWTPayload): Principal {
  const claimed = (payload.roles ??
    (payload.realm_access as { roles?: unknown } | undefined)?.roles ??
    []) as unknown[];
  const roles: Role[] = ROLES.filter((r) => claimed.includes(r));
  return {
    sub: String(payload.sub ?? ''),
    roles,
    unit: typeof payload.unit === 'string' ? payload.unit : undefined,
    nip: typeof payload.nip === 'string' ? payload.nip : undefined,
  };
}
