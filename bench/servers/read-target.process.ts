import { ReadTarget, startBareTarget, startGatewayTarget } from './read-targets';

/**
 * A read target in a process of its own, so that the load generator (autocannon, in the parent)
 * does not share an event loop with the server it measures. The parent sends
 * `{ kind: 'gateway', logLevel? }` or `{ kind: 'bare', body }`, and gets `{ url }` back; it ends the child by
 * disconnecting. Stdout is discarded by the parent: the gateway logs every request, as in production.
 */
let target: ReadTarget | undefined;

async function serve(m: { kind: 'gateway' | 'bare'; body?: unknown; logLevel?: string }): Promise<void> {
  try {
    target = m.kind === 'gateway' ? await startGatewayTarget(m.logLevel ?? 'info') : await startBareTarget(m.body);
    process.send?.({ url: target.url });
  } catch (e) {
    process.send?.({ error: String((e as Error).stack ?? e) });
  }
}

async function shutDown(): Promise<void> {
  await target?.stop().catch(() => undefined);
  process.exit(0);
}

// Neither can reject (serve answers its own failure, shutDown ignores stop's): nothing to handle here.
process.on('message', (m: Parameters<typeof serve>[0]) => void serve(m));
process.on('disconnect', () => void shutDown());
