import { MultiBar, Presets } from 'cli-progress';

export interface Task {
  tick(n?: number): void;
  done(note?: string): void;
}
export interface Progress {
  task(label: string, total: number): Task;
  log(line: string): void;
  stop(): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Bars on a terminal; on a pipe or in CI, plain lines: each step's start, every ~10 s, and its end. */
export function createProgress(out: NodeJS.WriteStream = process.stdout, tty = Boolean(out.isTTY)): Progress {
  return tty ? barProgress(out) : lineProgress((line) => out.write(`${line}\n`));
}

function barProgress(out: NodeJS.WriteStream): Progress {
  const bars = new MultiBar(
    {
      stream: out,
      clearOnComplete: false,
      hideCursor: true,
      autopadding: true,
      barsize: 20,
      format: ' {bar} {percentage}% | {label} {value}/{total} | {note}',
    },
    Presets.shades_classic,
  );
  return {
    task(label, total) {
      const started = Date.now();
      const bar = bars.create(Math.max(total, 1), 0, { label: label.padEnd(24), note: '' });
      return {
        tick: (n = 1) => bar.increment(n),
        done: (note) => {
          bar.update(Math.max(total, 1), { note: `${note ? `${note}, ` : ''}${seconds(Date.now() - started)}` });
          bar.stop();
        },
      };
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}

/** Plain progress lines, for pipes, CI logs and tests. */
export function lineProgress(write: (line: string) => void): Progress {
  return {
    task(label, total) {
      const started = Date.now();
      let count = 0;
      let said = started;
      write(`demo: ${label}: ${total} to do`);
      return {
        tick(n = 1) {
          count += n;
          if (Date.now() - said >= 10_000) {
            said = Date.now();
            write(`demo: ${label}: ${count}/${total}`);
          }
        },
        done: (note) =>
          write(
            `demo: ${label}: done (${count}/${total}${note ? `, ${note}` : ''}) in ${seconds(Date.now() - started)}`,
          ),
      };
    },
    log: (line) => write(`demo: ${line}`),
    stop: () => {},
  };
}
