import type { Participation } from './enrolment.steps';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

export interface CertificateOutcome {
  /** Completions of this run whose certificate the enrolment service issued (its reaction, through Kafka). */
  issued: number;
  expected: number;
  /** Certificate numbers checked at the public verification URL, without a token, and what it answered. */
  verified: { number: string; status: string; holderName: string | null }[];
}

/** How many certificates are read back and checked publicly: enough to show it, few enough to stay quick. */
const SAMPLE = 3;

/**
 * Every completion leaves a numbered certificate, issued by the enrolment service's reaction once the
 * completion is in its log. Waits (a minute at most) until each completed participant holds the
 * certificate of their programme, then the first few holders print theirs and check it at the public
 * verification URL as a stranger would (no token); the first of them chose to show their name there.
 */
export async function checkCertificates(
  ctx: DemoContext,
  completed: Participation[],
): Promise<CertificateOutcome | null> {
  if (!ctx.caps.certificates) {
    ctx.progress.log('certificates: skipped — this gateway has no certificate routes yet');
    return null;
  }
  const task = ctx.progress.task('certificates issued', completed.length);
  const numbers = new Map<string, string>();
  for (const deadline = Date.now() + 60_000; numbers.size < completed.length && Date.now() < deadline;) {
    const before = numbers.size;
    await forEachConcurrent(completed, ctx.concurrency, async ({ programme, participant }) => {
      const key = `${programme.programmeId}:${participant.nip}`;
      if (numbers.has(key)) return;
      const officer = ctx.client.as(actors.officerOf(participant.workUnit));
      const { certificates } = await officer.listStaffCertificates({ params: { nip: participant.nip } });
      const held = certificates.find((c) => c.kind === 'training' && c.programmeId === programme.programmeId);
      if (held) numbers.set(key, held.number);
    });
    task.tick(numbers.size - before);
    if (numbers.size < completed.length) await new Promise((r) => setTimeout(r, 250));
  }
  const verified: CertificateOutcome['verified'] = [];
  for (const [i, { programme, participant }] of completed.slice(0, SAMPLE).entries()) {
    const number = numbers.get(`${programme.programmeId}:${participant.nip}`);
    if (!number) continue;
    const holder = ctx.client.as(actors.staff(participant.nip));
    if (i === 0)
      await holder.chooseCertificateDisclosure({
        params: { number },
        body: { nip: participant.nip, showHolderName: true },
        idempotencyKey: commandKey(ctx.plan, 'certificate-disclosure', number),
      });
    await holder.getCertificatePdf({ params: { number } });
    const answer = await ctx.client.as(null).verifyCertificate({ params: { number } });
    verified.push({ number, status: answer.status, holderName: answer.holderName ?? null });
  }
  task.done(`${numbers.size}/${completed.length} issued; ${verified.length} checked at the public URL`);
  return { issued: numbers.size, expected: completed.length, verified };
}
