import { WindowCounterStorage } from './rate-limit-storage';

describe('the rate-limit window counters', () => {
  let t = 0;
  const storage = new WindowCounterStorage(() => t, 3_600_000);
  afterAll(() => storage.onModuleDestroy());
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
});
