import { ReadSizer } from './read-sizer';

describe('relay rounds sized by bytes', () => {
  it('starts with 200 events (or fewer when the cap is lower), before any size is known', () => {
    expect(new ReadSizer(900_000, 5_000).next()).toBe(200);
    expect(new ReadSizer(900_000, 2).next()).toBe(2);
  });

  it('reads about one send’s worth of bytes next: many small events, few large ones', () => {
    const small = new ReadSizer(900_000, 5_000);
    small.observe(200, 200 * 800);
    expect(small.next()).toBe(1_125);
    const large = new ReadSizer(900_000, 5_000);
    large.observe(10, 10 * 300_000);
    expect(large.next()).toBe(3);
  });

  it('never reads more than the cap, nor fewer than one event', () => {
    const sizer = new ReadSizer(900_000, 1_000);
    sizer.observe(100, 100 * 50);
    expect(sizer.next()).toBe(1_000);
    sizer.observe(1, 5_000_000);
    expect(sizer.next()).toBe(1);
  });

  it('keeps its estimate after an empty round', () => {
    const sizer = new ReadSizer(900_000, 5_000);
    sizer.observe(100, 100 * 900);
    sizer.observe(0, 0);
    expect(sizer.next()).toBe(1_000);
  });
});
