import { MessagingLifecycle, MessagingWorker } from './messaging-lifecycle';

const worker = (name: string, log: string[]): MessagingWorker => ({
  start: () => {
    log.push(`start ${name}`);
    return Promise.resolve();
  },
  stop: () => {
    log.push(`stop ${name}`);
    return Promise.resolve();
  },
});

describe('the messaging lifecycle for Nest', () => {
  it('starts every worker once the application has booted and stops them before shutdown', async () => {
    const log: string[] = [];
    const lifecycle = new MessagingLifecycle([worker('relay', log), worker('consumer', log)]);
    await lifecycle.onApplicationBootstrap();
    expect(log).toEqual(['start relay', 'start consumer']);
    await lifecycle.beforeApplicationShutdown();
    expect(log.slice(2).sort()).toEqual(['stop consumer', 'stop relay']);
  });

  it('does not hold up the boot for a worker that cannot start yet, and keeps trying', async () => {
    let attempts = 0;
    let brokerUp = false;
    const flaky: MessagingWorker = {
      start: () => {
        attempts++;
        return brokerUp ? Promise.resolve() : Promise.reject(new Error('broker unreachable'));
      },
      stop: () => Promise.resolve(),
    };
    const lifecycle = new MessagingLifecycle([flaky]);
    await lifecycle.onApplicationBootstrap(); // returns although the worker could not start
    expect(attempts).toBeGreaterThan(1);
    brokerUp = true;
    await lifecycle.started();
    await lifecycle.beforeApplicationShutdown();
  });
});
