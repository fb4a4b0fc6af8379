import { exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';

export interface TestAuth {
  /** Inline JWKS for the gateway's AUTH_LOCAL_JWKS. */
  jwks: string;
  /** A signed token with these claims (roles, unit, nip …). */
  token(
    /** `azp`: a client-credentials token's client id (a learning platform). */
    claims: { sub?: string; roles?: string[]; unit?: string; nip?: string; azp?: string },
    options?: { audience?: string; expiresIn?: string },
  ): Promise<string>;
}

/** A throwaway ES256 key pair, as an identity provider would hold, for tests of the gateway. */
export async function createTestAuth(): Promise<TestAuth> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = 'test-key';
  const jwk = { ...(await exportJWK(privateKey)), kid };
  const signing = await importJWK(jwk, 'ES256');
  return {
    jwks: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] }),
    token: ({ sub, ...claims }, options = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject(sub ?? `${claims.roles?.[0] ?? 'user'}-${claims.unit ?? claims.nip ?? 'x'}`)
        .setAudience(options.audience ?? 'kompeten')
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(signing),
  };
}
