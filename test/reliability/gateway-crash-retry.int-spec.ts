import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  createTestAuth,
  createTestDatabase,
  eventually,
  internalIdentityEnv,
  TestAuth,
  TestDatabase,
  testBrokers,
} from '@kompeten/testing';
import { BudgetApp, startBudgetApp, uniqueOpd } from '../../services/budget/test/budget-app';
import { CompiledService, spawnCompiledService } from '../support/compiled-service';

// The gateway is killed (SIGKILL) after the budget service has committed a command and answered,
// before the gateway could pass the answer on: the client saw the connection drop, and the gateway's
// Idempotency-Key claim is left `in-progress`. A gateway started again takes the claim over once its
// lease (IDEMPOTENCY_LEASE_SECONDS) runs out, and forwards the retry under the same x-command-id: the
// service answers what it answered the first time, and the log holds the command's event once.
// A proxy between gateway and service holds the service's first answer: the kill lands in that gap
// on every run, not by timing.

/** The service's answer to the first forwarded command, kept from the gateway. */
interface HeldAnswer {
  status: number;
  body: string;
  commandId: string | undefined;
}

/** Passes requests on to `target`, except that it swallows the answer to the first POST to `path`. */
function holdingProxy(target: string, path: string) {
  let hold = true;
  let heard: (a: HeldAnswer) => void = () => undefined;
  const held = new Promise<HeldAnswer>((resolve) => (heard = resolve));
  const server = http.createServer((req, res) => {
    const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      if (!(hold && req.method === 'POST' && req.url === path)) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      hold = false;
      let body = '';
      answer.on('data', (d: Buffer) => (body += d.toString()));
      answer.on('end', () =>
        heard({ status: answer.statusCode ?? 0, body, commandId: req.headers['x-command-id'] as string | undefined }),
      );
    });
    req.pipe(upstream);
  });
  return { server, held };
}

describe('a gateway killed between the service committing and the gateway answering', () => {
  const NOWHERE = 'http://127.0.0.1:9';
  let budget: BudgetApp;
  let gatewayDb: TestDatabase;
  let proxy: http.Server;
  let held: Promise<HeldAnswer>;
  let auth: TestAuth;
  let env: Record<string, string>;
  const gateways: CompiledService[] = [];

  const startGateway = async () => {
    const gateway = spawnCompiledService('gateway', env);
    gateways.push(gateway);
    const url = `http://127.0.0.1:${await gateway.port}`;
    await eventually(async () => ((await fetch(`${url}/health`)).ok ? true : undefined), 30_000, 100);
    return { gateway, url };
  };

  beforeAll(async () => {
    budget = await startBudgetApp();
    await budget.app.listen(0, '127.0.0.1');
    const budgetPort = (budget.app.getHttpServer().address() as AddressInfo).port;
    ({ server: proxy, held } = holdingProxy(`http://127.0.0.1:${budgetPort}`, '/budgets'));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    gatewayDb = await createTestDatabase('gateway_crash');
    auth = await createTestAuth();
    env = {
      DATABASE_URL: gatewayDb.url,
      KAFKA_BROKERS: testBrokers().join(','),
      LOG_LEVEL: 'warn',
      AUTH_LOCAL_JWKS: auth.jwks,
      ENROLMENT_URL: NOWHERE,
      ASSESSMENT_URL: NOWHERE,
      FEEDBACK_URL: NOWHERE,
      BUDGET_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      DOWNSTREAM_TIMEOUT_MS: '30000', // the kill, not a timeout, ends the first request
      IDEMPOTENCY_LEASE_SECONDS: '2',
      ...internalIdentityEnv(),
    };
  }, 120_000);
  afterAll(async () => {
    for (const g of gateways) if (g.child.exitCode === null && g.child.signalCode === null) g.child.kill('SIGTERM');
    await Promise.all(gateways.map((g) => g.exited));
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await budget?.stop();
    await gatewayDb?.drop();
  });

  it('takes the claim over after the lease, and the retry gets the first answer: one event', async () => {
    const opd = uniqueOpd('CRASH');
    const key = `open-${randomUUID()}`;
    const sub = `officer-${randomUUID()}`;
    const token = await auth.token({ sub, roles: ['training-officer'] });
    const open = (url: string) =>
      fetch(`${url}/api/v1/budgets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify({ fiscalYear: 2026, opd, fundingSource: 'APBD', ceiling: 25_000_000 }),
      });

    const first = await startGateway();
    const dropped = open(first.url).then(
      (r) => `answered ${r.status}`,
      () => 'connection dropped',
    );
    const committed = await held; // the service committed and answered; the gateway has not
    expect(committed.status).toBe(201);
    first.gateway.child.kill('SIGKILL');
    expect(await first.gateway.exited).toMatchObject({ signal: 'SIGKILL' });
    expect(await dropped).toBe('connection dropped');

    const sql = new DataSource({ type: 'postgres', url: gatewayDb.url });
    await sql.initialize();
    try {
      const [claim] = await sql.query<{ state: string }[]>('select state from idempotency_record where key = $1', [
        key,
      ]);
      expect(claim.state).toBe('in-progress'); // what the dead gateway left

      const second = await startGateway();
      // Within the lease the claim still looks like a request in flight (409); after it, the retry runs.
      const retried = await eventually(
        async () => {
          const r = await open(second.url);
          return r.status === 409
            ? undefined
            : { status: r.status, body: await r.json(), replayed: r.headers.get('idempotent-replayed') };
        },
        30_000,
        250,
      );
      // The service's stored answer (it did not run the command again: that would be a 409 budget-exists).
      expect(retried).toEqual({ status: 201, body: JSON.parse(committed.body) as unknown, replayed: 'true' });
    } finally {
      await sql.destroy();
    }

    // The service saw the same command id both times: sha256(principal ‖ key), neither in clear.
    const commandId = createHash('sha256').update(`${sub}\u0000${key}`).digest('hex');
    expect(committed.commandId).toBe(commandId);
    const events = await budget.app
      .get(DataSource)
      .query<{ type: string; command_id: string }[]>(
        `select type, metadata->>'commandId' as command_id from es_event where stream_id = $1`,
        [`budget-2026-${opd}-APBD`],
      );
    expect(events).toEqual([{ type: 'BudgetOpened', command_id: commandId }]);
  }, 120_000);
});
