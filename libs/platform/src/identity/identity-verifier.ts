import { createLocalJWKSet, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import {
  IDENTITY_ISSUER,
  IDENTITY_TTL_SECONDS,
  IdentityClaims,
  InternalIdentity,
  readJsonSetting,
} from './internal-identity';

/** Why a call was refused: said to the caller (401) without detail an attacker could use. */
export class IdentityRefused extends Error {}

/**
 * Checks the gateway's signature (Ed25519 only: the algorithm is pinned, never taken from the token),
 * that the token is for this service, fresh, and for this very request (method and URL).
 * Several keys may be trusted at once (by `kid`): that is how the signing key is rotated.
 */
export class IdentityVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    jwksSetting: string,
    private readonly service: string,
  ) {
    // jose checks the set's shape (JWKSInvalid when it is not one).
    this.keys = createLocalJWKSet(readJsonSetting(jwksSetting) as JSONWebKeySet);
  }

  async verify(token: string, request: { method: string; url: string }): Promise<InternalIdentity> {
    let claims: IdentityClaims;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: ['EdDSA'],
        issuer: IDENTITY_ISSUER,
        audience: this.service,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: IDENTITY_TTL_SECONDS + 5,
        clockTolerance: 5,
      });
      claims = payload as unknown as IdentityClaims;
    } catch (e) {
      throw new IdentityRefused(`identity not accepted: ${(e as Error).message}`);
    }
    if (claims.htm !== request.method.toUpperCase() || claims.htu !== request.url)
      throw new IdentityRefused('identity not accepted: signed for another request');
    if (
      !Array.isArray(claims.roles) ||
      !claims.roles.every((r) => typeof r === 'string') ||
      typeof claims.cid !== 'string'
    )
      throw new IdentityRefused('identity not accepted: malformed claims');
    return {
      actor: claims.sub,
      roles: claims.roles,
      unit: typeof claims.unit === 'string' ? claims.unit : undefined,
      nip: typeof claims.nip === 'string' ? claims.nip : undefined,
      correlationId: claims.cid,
    };
  }
}
