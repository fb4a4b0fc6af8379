import { StateCache } from './state-cache';

describe('the folded-state cache', () => {
  it('keeps the newer state when two commands on one stream race', () => {
    const cache = new StateCache<string>();
    cache.set('p-1', { version: 5, state: 'v5' });
    cache.set('p-1', { version: 4, state: 'v4' });
    expect(cache.get('p-1')).toEqual({ version: 5, state: 'v5' });
    cache.set('p-1', { version: 6, state: 'v6' });
    expect(cache.get('p-1')).toEqual({ version: 6, state: 'v6' });
  });

  it('holds at most its capacity, dropping the stream used longest ago', () => {
    const cache = new StateCache<number>(2);
    cache.set('a', { version: 1, state: 1 });
    cache.set('b', { version: 1, state: 2 });
    cache.get('a'); // a is now the most recently used
    cache.set('c', { version: 1, state: 3 });
    expect([cache.get('a')?.state, cache.get('b'), cache.get('c')?.state]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it('forgets a stream on request', () => {
    const cache = new StateCache<number>();
    cache.set('a', { version: 3, state: 3 });
    cache.forget('a');
    expect(cache.get('a')).toBeUndefined();
  });
});
