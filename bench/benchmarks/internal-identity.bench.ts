import { createHmac, generateKeyPairSync, randomUUID, timingSafeEqual } from 'node:crypto';
import { IdentityVerifier, signIdentity } from '@kompeten/platform';
import { Benchmark, BenchContext, Figure, sized } from '../harness/benchmark';
import { now, paired, perSecond } from '../harness/measure';
import { median } from '../harness/stats';

/**
 * What the gateway-signed identity (issue 21) costs per call to a service: the gateway signs one
 * (Ed25519, node:crypto), the service verifies it (jose: signature, issuer, audience, expiry, request
 * binding). Baseline in the same run: the same claims under HMAC-SHA256, the cheapest alternative —
 * which would give every service the key that forges identities, so it is not the design, only the floor.
 */
export const internalIdentity: Benchmark = {
  name: 'internal-identity',
  description: 'sign + verify the identity the gateway sends on every call, vs an HMAC of the same claims',
  async run(ctx: BenchContext): Promise<Figure[]> {
    const { runs, calls } = sized(ctx, { full: { runs: 5, calls: 20_000 }, smoke: { runs: 1, calls: 200 } });
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const kid = 'bench';
    const verifier = new IdentityVerifier(
      JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'EdDSA' }] }),
      'feedback',
    );
    const signing = { kid, key: privateKey };
    const identity = { actor: 'training-officer:bench', roles: ['training-officer'], correlationId: randomUUID() };
    const request = { audience: 'feedback', method: 'GET', url: '/service-units/PKM-1/responses?includePersonal=true' };
    const secret = Buffer.alloc(32, 7);

    const signed = async () => {
      const t0 = now();
      for (let i = 0; i < calls; i++)
        await verifier.verify(signIdentity(signing, identity, request), { method: 'GET', url: request.url });
      return perSecond(calls, now() - t0);
    };
    const hmac = async () => {
      const t0 = now();
      for (let i = 0; i < calls; i++) {
        const body = Buffer.from(JSON.stringify({ ...identity, ...request, iat: Date.now(), jti: randomUUID() }));
        const mac = createHmac('sha256', secret).update(body).digest();
        const check = createHmac('sha256', secret).update(body).digest();
        if (!timingSafeEqual(mac, check)) throw new Error('hmac mismatch');
        JSON.parse(body.toString());
        await Promise.resolve();
      }
      return perSecond(calls, now() - t0);
    };
    await signed(); // warm up (JIT, jose's key import cache)
    const r = await paired(runs, signed, hmac);
    const perCall = 1e6 / median(r.subject);
    ctx.log(`  Ed25519 identity: ${Math.round(median(r.subject))}/s (${perCall.toFixed(1)} µs per call)`);
    return [
      {
        benchmark: 'internal-identity',
        label: 'sign (gateway) + verify (service) one internal identity, Ed25519',
        unit: 'req/s',
        value: median(r.subject),
        samples: r.subject,
        baseline: { label: 'the same claims under HMAC-SHA256', value: median(r.baseline), samples: r.baseline },
        ratio: median(r.ratios),
        diagnostics: { microsecondsPerCall: Math.round(perCall * 10) / 10, calls },
        note: 'one per gateway → service call; compare with a call’s cost in the gateway-read figures',
      },
    ];
  },
};
