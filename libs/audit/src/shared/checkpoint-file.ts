import fs from 'node:fs';
import { UsageError } from './audit-settings';

interface Saved<S> {
  command: string;
  /** The arguments that define the run; a checkpoint is only resumed by the same run. */
  run: Record<string, unknown>;
  savedAt: string;
  state: S;
}

/**
 * `--resume <file>`: progress of a long run, saved as it goes (written to a temporary file and
 * renamed, so a crash never leaves half a checkpoint). If the file exists, the run continues from
 * it; when the run completes, the file is removed.
 */
export class CheckpointFile<S> {
  constructor(
    private readonly path: string | undefined,
    private readonly command: string,
    private readonly run: Record<string, unknown>,
  ) {}

  get enabled(): boolean {
    return this.path !== undefined;
  }

  load(): S | undefined {
    if (!this.path || !fs.existsSync(this.path)) return undefined;
    const saved = JSON.parse(fs.readFileSync(this.path, 'utf8')) as Saved<S>;
    if (saved.command !== this.command || JSON.stringify(saved.run) !== JSON.stringify(this.run)) {
      throw new UsageError(
        `${this.path} is the checkpoint of another run (${saved.command} ${JSON.stringify(saved.run)}); remove it or pass the same arguments`,
      );
    }
    return saved.state;
  }

  save(state: S): void {
    if (!this.path) return;
    const saved: Saved<S> = { command: this.command, run: this.run, savedAt: new Date().toISOString(), state };
    const tmp = `${this.path}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(saved, null, 2)}\n`);
    fs.renameSync(tmp, this.path);
  }

  complete(): void {
    if (this.path) fs.rmSync(this.path, { force: true });
  }
}
