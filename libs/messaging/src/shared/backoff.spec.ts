import { backoffDelay } from './backoff';

describe('exponential back-off', () => {
  it('doubles from the initial delay, between half and all of it', () => {
    const options = { initialMs: 100, maxMs: 10_000, factor: 2 };
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, options, () => 1))).toEqual([100, 200, 400, 800]);
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, options, () => 0))).toEqual([50, 100, 200, 400]);
  });

  it('never waits longer than the cap, however many attempts', () => {
    expect(backoffDelay(10_000, { initialMs: 100, maxMs: 30_000 }, () => 1)).toBe(30_000);
  });
});
