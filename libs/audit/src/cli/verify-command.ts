import { AUDITED_SERVICES, parseService, UsageError } from '../shared/audit-settings';
import { formatVerification, ServiceVerification } from '../verify/verify-report';
import { verifyService } from '../verify/verify-service';
import type { CliContext } from './cli-context';

export async function verifyCommand(ctx: CliContext): Promise<number> {
  const own = parseService(ctx.values.service);
  const resolve = ctx.targets(own);
  const copies = (ctx.values.copies ?? 'store,kafka').split(',').map((c) => c.trim());
  if (!copies.length || copies.some((c) => c !== 'store' && c !== 'kafka'))
    throw new UsageError('--copies takes store, kafka or store,kafka');
  const reports: (ServiceVerification & { error?: string })[] = [];
  for (const service of own ? [own] : AUDITED_SERVICES) {
    if (ctx.signal.aborted) break;
    const target = resolve(service);
    try {
      reports.push(
        await verifyService(target, {
          kafka: ctx.kafka,
          copies: { store: copies.includes('store'), kafka: copies.includes('kafka') },
          signal: ctx.signal,
          progress: ctx.progress,
        }),
      );
    } catch (e) {
      // One unreachable service must not hide the others' results.
      reports.push({ service, topic: target.topic, ok: false, interrupted: false, error: (e as Error).message });
    }
  }
  const text = [
    formatVerification(reports.filter((r) => !r.error)),
    ...reports.filter((r) => r.error).map((r) => `${r.service}: COULD NOT VERIFY — ${r.error}`),
  ]
    .filter(Boolean)
    .join('\n');
  ctx.report({ services: reports, ok: reports.every((r) => r.ok) }, text);
  if (reports.some((r) => r.interrupted) || ctx.signal.aborted) return 130;
  if (reports.some((r) => !r.ok && !r.error)) return 1;
  return reports.some((r) => r.error) ? 3 : 0;
}
