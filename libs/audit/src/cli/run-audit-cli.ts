import { describeModel, ReadModel } from '../replay/read-model';
import { UsageError } from '../shared/audit-settings';
import { CliContext, CliIo } from './cli-context';
import { HELP, parseCommandLine } from './cli-options';
import { diffCommand } from './diff-command';
import { exportCommand } from './export-command';
import { replayCommand } from './replay-command';
import { verifyCommand } from './verify-command';

export interface AuditCliOptions {
  /** The read models replay and diff can rebuild (the tool's catalogue, tools/audit/src/read-models.ts: every service's audit entry point). */
  readModels: ReadModel[];
}

/**
 * The auditors' command line: returns the exit code (0 fine, 1 a break or a difference,
 * 2 usage, 3 could not run, 130 interrupted).
 */
export async function runAuditCli(argv: string[], io: CliIo, options: AuditCliOptions): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.values.help || !parsed.command) {
      io.stdout.write(HELP);
      return parsed.command || parsed.values.help ? 0 : 2;
    }
    const ctx = new CliContext(parsed.values, io, options.readModels, parsed.positionals);
    switch (parsed.command) {
      case 'verify':
        return await verifyCommand(ctx);
      case 'export':
        return await exportCommand(ctx);
      case 'replay':
        return await replayCommand(ctx);
      case 'diff':
        return await diffCommand(ctx);
      case 'read-models':
        ctx.report(
          options.readModels.map((m) => ({
            name: m.name,
            service: m.service,
            description: m.description,
            params: m.params ?? [],
          })),
          options.readModels.map(describeModel).join('\n'),
        );
        return 0;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`audit: ${e.message}\n(npm run audit -- --help)\n`);
      return 2;
    }
    io.stderr.write(`audit: ${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
}

/**
 * Runs the CLI as a process: Ctrl-C (or SIGTERM) stops a long run cleanly after the batch in
 * flight, saving its checkpoint; a second Ctrl-C exits at once.
 */
export async function main(options: AuditCliOptions): Promise<never> {
  const abort = new AbortController();
  const stop = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after the batch in flight (Ctrl-C again to quit at once)…\n');
    abort.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await runAuditCli(
    process.argv.slice(2),
    { stdout: process.stdout, stderr: process.stderr, env: process.env, signal: abort.signal },
    options,
  );
  // Let stdout drain (a pipe may still hold the last lines), then leave even if a client lingers.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
