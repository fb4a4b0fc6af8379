import { replicasFromEnv } from '../replicas';
import { shutdownTimings } from './graceful-shutdown';

describe('process settings for replicas and shutdown', () => {
  it('when nothing is set, one process that stops at once but lets requests finish for 10 s', () => {
    expect(replicasFromEnv({})).toBe(1);
    expect(shutdownTimings({})).toEqual({ drainMs: 0, finishMs: 10_000 });
  });

  it('reads the drain, the finishing time and the replica count', () => {
    expect(shutdownTimings({ SHUTDOWN_DRAIN_MS: '5000', SHUTDOWN_TIMEOUT_MS: '20000' })).toEqual({
      drainMs: 5000,
      finishMs: 20_000,
    });
    expect(replicasFromEnv({ REPLICAS: '2' })).toBe(2);
  });

  it('refuses a value that is not a whole number in range, naming the setting', () => {
    expect(() => shutdownTimings({ SHUTDOWN_DRAIN_MS: '2s' })).toThrow(/SHUTDOWN_DRAIN_MS/);
    expect(() => shutdownTimings({ SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
    expect(() => replicasFromEnv({ REPLICAS: '0' })).toThrow(/REPLICAS/);
    expect(() => replicasFromEnv({ REPLICAS: '1.5' })).toThrow(/REPLICAS/);
  });
});
