import { ReadTarget, startBareTarget, startGatewayTarget } from './read-targets';

/**
 * A read target in a process of its own, so that the load generator (autocannon, in the parent)
 * does not share an event loop with the server it measures. The parent sends
 * `{ kind: 'gateway', logLevel? }` or `{ kind: 'bare', body }`, and gets `{ url }` back; it ends the child by
 * disconnecting. Stdout is discarded by the parent: the gateway logs every request, as in production.
 */
let target: ReadTarget | undefined;

process.on('message', async (m: { kind: 'gateway' | 'bare'; body?: unknown; logLevel?: string }) => {
  try {
    target = m.kind === 'gateway' ? await startGatewayTarget(m.logLevel ?? 'info') : await startBareTarget(m.body);
    process.send?.({ url: target.url });
  } catch (e) {
    process.send?.({ error: String((e as Error).stack ?? e) });
  }
});

process.on('disconnect', async () => {
  await target?.stop().catch(() => undefined);
  process.exit(0);
});
