import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

export interface ExternalLearningOutcome {
  recorded: number;
  verified: number;
  rejected: number;
  pending: number;
}

/**
 * Learning outside the catalogue, through the gateway: the staff member (or their unit's officer)
 * records it with its evidence, and the unit's training officer verifies it (JP credited to the ledger
 * of the year it ended) or rejects it with a coded reason; a few records still wait at the end.
 * Recorded before anyone moves (a departed staff member records nothing) and before the read models
 * are awaited, so the ledger, the 20-JP list, the correlation and next year's plan count it.
 */
export async function recordExternalLearning(ctx: DemoContext): Promise<ExternalLearningOutcome | null> {
  if (!ctx.caps.externalLearning) {
    ctx.progress.log('external learning: skipped — this gateway has no external-learning routes yet');
    return null;
  }
  const items = ctx.plan.externalLearning;
  const task = ctx.progress.task('learning outside the catalogue', items.length);
  const outcome: ExternalLearningOutcome = { recorded: 0, verified: 0, rejected: 0, pending: 0 };
  await forEachConcurrent(
    items,
    ctx.concurrency,
    async (x) => {
      const key = (...parts: string[]) => commandKey(ctx.plan, 'external', x.nip, x.startDate, ...parts);
      const officer = ctx.client.as(actors.officerOf(x.workUnit));
      const recorder = x.byStaff ? ctx.client.as(actors.staff(x.nip)) : officer;
      const { learningId } = await recorder.recordExternalLearning({
        params: { nip: x.nip },
        body: {
          form: x.form as never,
          title: x.title,
          provider: x.provider,
          startDate: x.startDate,
          endDate: x.endDate,
          minutes: x.minutes,
          evidence: x.evidence,
          providerCertificateNumber: x.providerCertificateNumber,
        },
        idempotencyKey: key('record'),
      });
      outcome.recorded++;
      if (x.outcome?.decision === 'verify') {
        await officer.verifyExternalLearning({ params: { learningId }, idempotencyKey: key('verify') });
        outcome.verified++;
      } else if (x.outcome?.decision === 'reject') {
        await officer.rejectExternalLearning({
          params: { learningId },
          body: { reason: x.outcome.reason as never },
          idempotencyKey: key('reject'),
        });
        outcome.rejected++;
      } else outcome.pending++;
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${outcome.verified} verified, ${outcome.rejected} rejected, ${outcome.pending} waiting`);
  return outcome;
}
