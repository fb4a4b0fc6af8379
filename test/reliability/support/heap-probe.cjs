'use strict';
// Preload for the load test (`node --expose-gc -r …/heap-probe.cjs main.js`): on SIGUSR2 the process
// collects garbage and prints the heap it still uses as one JSON line, so that the heap before and
// after a sustained load can be compared without an endpoint in the service itself.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ heapProbe: { heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external } })}\n`,
  );
});
