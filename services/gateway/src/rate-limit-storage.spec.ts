import { WindowCounterStorage } from './rate-limit-storage';

describe('the rate-limit window counters', () => {
  let t = 0;
  const storage = new WindowCounterStorage(() => t, 3_600_000);
  const hit = (key = 'kiosk-1') => storage.increment(key, 60_000, 3, 60_000, 'default');

  it('counts hits per key within a window, and blocks beyond the limit until the block ends', async () => {
    t = 1_000;
    expect((await hit()).totalHits).toBe(1);
    await hit();
    expect(await hit()).toEqual({ totalHits: 3, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    t = 31_000;
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 30, isBlocked: true, timeToBlockExpire: 60 });
    expect((await hit('kiosk-2')).isBlocked).toBe(false); // another caller is not affected
    t = 70_000; // the window has ended, the block has not
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 21 });
    t = 91_000;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('forgets ended windows when swept', async () => {
    t = 200_000;
    await hit('once');
    expect(storage.size).toBeGreaterThan(0);
    t = 400_000;
    storage.sweep();
    expect(storage.size).toBe(0);
  });

  it('sweeps by itself on a hit once the sweep interval has passed', async () => {
    const own = new WindowCounterStorage(() => t, 60_000);
    t = 1_000_000;
    await own.increment('a', 1_000, 5, 1_000, 'default');
    await own.increment('b', 1_000, 5, 1_000, 'default');
    t = 1_030_000; // both windows ended, but the next sweep is not due yet
    await own.increment('c', 1_000, 5, 1_000, 'default');
    expect(own.size).toBe(3);
    t = 1_061_000;
    await own.increment('c', 1_000, 5, 1_000, 'default');
    expect(own.size).toBe(1);
  });
});
