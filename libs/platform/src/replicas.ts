import cluster, { Worker } from 'node:cluster';

/**
 * N processes of one service on one machine, behind one port (REPLICAS=N; `npm start -- --replicas N`).
 * This process becomes a supervisor (Node's `cluster` primary) and starts N replicas of the same
 * entry point. Each replica is a whole service — its HTTP server, its Kafka consumers (in the
 * service's consumer groups, so the partitions are divided among them), its outbox relay (one leads
 * per database by advisory lock, the others stand by). The supervisor owns the listening socket and
 * hands each new connection to the next replica in turn (round-robin): nobody needs a list of
 * addresses, and a replica that stops listening simply gets no more connections.
 *
 * A replica that exits while the supervisor is not stopping is started again (a rolling restart is
 * SIGTERM to one replica's pid, then the next once its successor is listening; `kill -HUP <supervisor>`
 * does that for every replica). SIGTERM/SIGINT to the supervisor stops all replicas gracefully and exits.
 * In Kubernetes, run one process per pod (REPLICAS unset) and scale the Deployment instead.
 */
export function replicasFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.REPLICAS;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`REPLICAS must be a whole number 1–64 (got "${raw}")`);
  return n;
}

/** What the supervisor tells the process that started it (an IPC channel), beside the replicas' own `listening`. */
export type SupervisorMessage =
  | { type: 'listening'; service: string; port: number; address: string; pid: number; replica: number }
  | { type: 'replica-exit'; service: string; pid: number; replica: number; code: number | null; signal: string | null }
  | { type: 'rolled'; service: string };

export function superviseReplicas(service: string, count: number): void {
  const log = (msg: string, level = 30) =>
    process.stdout.write(`${JSON.stringify({ level, time: Date.now(), service, context: 'Replicas', msg })}\n`);
  const tell = (m: SupervisorMessage) => process.send?.(m);
  const listening = new WeakSet<Worker>();
  const replicaOf = new WeakMap<Worker, number>();
  let stopping = false;

  const start = (replica: number): Worker => {
    const worker = cluster.fork({ REPLICA: String(replica) });
    replicaOf.set(worker, replica);
    worker.on('message', (m: { type?: string; port?: number; address?: string }) => {
      if (m?.type !== 'listening' || typeof m.port !== 'number') return;
      listening.add(worker);
      tell({ type: 'listening', service, port: m.port, address: m.address ?? '', pid: worker.process.pid!, replica });
    });
    return worker;
  };
  const exitOf = (worker: Worker) =>
    new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve())));
  const listeningOf = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (m: { type?: string }) => m?.type === 'listening' && resolve());
      worker.once('exit', () => reject(new Error(`replica ${replicaOf.get(worker)} exited before listening`)));
    });

  cluster.on('exit', (worker, code, signal) => {
    const replica = replicaOf.get(worker) ?? 0;
    tell({ type: 'replica-exit', service, pid: worker.process.pid!, replica, code, signal });
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // Exiting before it ever listened is a configuration or start-up failure: starting it again
    // would only loop. Stop the others and exit with its code (78 for a bad setting).
    if (!listening.has(worker)) {
      log(`replica ${replica} exited (${signal ?? code}) before listening; stopping`, 50);
      stopAll();
      process.exitCode = code ?? 1;
      return;
    }
    log(`replica ${replica} (pid ${worker.process.pid}) exited (${signal ?? code}); starting it again`);
    start(replica);
  });

  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
  };
  // Every replica drains on its own (it gets the same signal from a terminal's Ctrl-C, or ours).
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);

  let rolling = false;
  process.on('SIGHUP', () => {
    if (rolling || stopping) return;
    rolling = true;
    void (async () => {
      for (const worker of Object.values(cluster.workers ?? {})) {
        if (!worker || stopping) continue;
        const replica = replicaOf.get(worker)!;
        worker.process.kill('SIGTERM');
        await exitOf(worker);
        // cluster 'exit' above has started its successor: wait until it listens.
        const successor = Object.values(cluster.workers ?? {}).find((w) => w && replicaOf.get(w) === replica);
        if (successor) await listeningOf(successor).catch(() => undefined);
      }
      rolling = false;
      log('rolling restart done');
      tell({ type: 'rolled', service });
    })();
  });

  log(`starting ${count} replicas of ${service} behind one port`);
  for (let replica = 1; replica <= count; replica++) start(replica);
}
