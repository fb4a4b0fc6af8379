import { generateKeyPairSync } from 'node:crypto';
import type { ClientRequest } from 'node:http';
import { IDENTITY_HEADER, identitySigningKeyFrom, InternalIdentity, signIdentity } from '@kompeten/platform';

/** One throwaway Ed25519 pair per test process, as `npm start` makes one per machine. */
let pair: { jwks: string; signingKey: string } | undefined;
function testPair() {
  if (!pair) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = 'test-gateway';
    pair = {
      jwks: JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA', use: 'sig' }] }),
      signingKey: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid }),
    };
  }
  return pair;
}

/** The settings a gateway and the services it calls need to trust each other (spawned or in-process). */
export function internalIdentityEnv(): { INTERNAL_IDENTITY_JWKS: string; INTERNAL_IDENTITY_SIGNING_KEY: string } {
  const { jwks, signingKey } = testPair();
  return { INTERNAL_IDENTITY_JWKS: jwks, INTERNAL_IDENTITY_SIGNING_KEY: signingKey };
}

export type TestCaller = Omit<InternalIdentity, 'correlationId'>;
/** Calls straight to a service in a test are the gateway's, on behalf of an admin unless said otherwise. */
export const TEST_CALLER: TestCaller = { actor: 'admin:test', roles: ['admin'] };

/**
 * Signs a request to `service` just before it is sent, for the path and query it really carries
 * (superagent's `request` event fires after the URL is final and before the headers go out).
 * A test may name the actor with an `x-actor` header: it goes into the signed identity — the service
 * itself never reads that header.
 */
export function signOnSend(
  test: { on(event: 'request', listener: (r: { req: ClientRequest }) => void): unknown },
  service: string,
  caller: TestCaller = TEST_CALLER,
): void {
  const signing = identitySigningKeyFrom(testPair().signingKey);
  test.on('request', ({ req }) => {
    const named = req.getHeader('x-actor');
    const correlation = req.getHeader('x-correlation-id');
    req.setHeader(
      IDENTITY_HEADER,
      signIdentity(
        signing,
        {
          ...caller,
          actor: typeof named === 'string' ? named : caller.actor,
          correlationId: typeof correlation === 'string' ? correlation : `test-${Math.random().toString(36).slice(2)}`,
        },
        { audience: service, method: req.method, url: req.path },
      ),
    );
  });
}

/** The header a test's own `fetch` to a service needs: the identity signed for exactly this request. */
export function identityHeader(
  service: string,
  method: string,
  pathAndQuery: string,
  caller: TestCaller = TEST_CALLER,
  correlationId = `test-${Math.random().toString(36).slice(2)}`,
): Record<string, string> {
  const signing = identitySigningKeyFrom(testPair().signingKey);
  return {
    [IDENTITY_HEADER]: signIdentity(
      signing,
      { ...caller, correlationId },
      { audience: service, method, url: pathAndQuery },
    ),
  };
}
