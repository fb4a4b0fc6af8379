import { Progress } from './progress';

describe('progress on a terminal', () => {
  const capture = (isTTY: boolean) => {
    const written: string[] = [];
    return {
      written,
      out: {
        isTTY,
        columns: 200,
        write: (t: string) => {
          written.push(t);
          return true;
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
  };

  it('shows events, events per second, the share done and the time left', async () => {
    const { written, out } = capture(true);
    let done = 0;
    const progress = new Progress('export enrolment (store)', () => ({ done, total: 4000 }), out);
    for (let i = 0; i < 10; i++) {
      done += 100;
      progress.tick(100);
      await new Promise((r) => setTimeout(r, 120));
    }
    progress.finish();
    const text = written.join('');
    expect(text).toMatch(/export enrolment \(store\) · 1,000 events · [\d,]+ ev\/s · 25% · ETA \S+/);
  });

  it('stays silent when stderr is not a terminal', () => {
    const { written, out } = capture(false);
    const progress = new Progress('x', () => ({ done: 1, total: 2 }), out);
    progress.tick(1000);
    progress.finish();
    expect(written).toEqual([]);
  });
});
