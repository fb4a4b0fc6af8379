import { isKompetenProblem } from '@kompeten/client';
import type { AssessmentPlan } from '../plan/participation.plan';
import { actors, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';
import { Enrolments, Participation, participations } from './enrolment.steps';

type Kind = 'pre' | 'post' | 'on-the-job';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records one result of an assessment the assessment service scheduled on its own from the
 * enrolment events (id `<enrolmentId>-<kind>`). Scheduling is asynchronous, so "not found" is
 * retried for a while. No Idempotency-Key: the service treats the same result sent again as a
 * no-op, and a key would pin the first "not found" as the answer.
 */
async function record(
  ctx: DemoContext,
  p: Participation,
  enrolmentId: string,
  kind: Kind,
  result: AssessmentPlan,
): Promise<boolean> {
  const { participant: x, programme } = p;
  const assessor = programme.spec.universityPartner
    ? 'vendor:universitas-andalas'
    : kind === 'on-the-job'
      ? `supervisor:${x.workUnit.serviceUnit ?? x.workUnit.opd}`
      : 'assessor:bkpsdm-asesor';
  const api = ctx.client.as(actors.officerOf(x.workUnit));
  const params = { nip: x.nip, assessmentId: `${enrolmentId}-${kind}` };
  for (const deadline = Date.now() + 90_000; ;) {
    try {
      await api.recordAssessmentResult({ params, body: { assessor, ...result } });
      return true;
    } catch (e) {
      if (!isKompetenProblem(e, 'assessment-not-found', 'assessment-closed')) throw e;
      if (e.code === 'assessment-closed' || Date.now() > deadline) return false; // cancelled (withdrawn), or never scheduled
    }
    await sleep(250);
  }
}

/** Pre-assessments of everyone confirmed, before anyone withdraws (a withdrawal cancels what is still due). */
export async function recordPreAssessments(ctx: DemoContext, views: Enrolments): Promise<void> {
  if (!ctx.caps.assessment) return;
  const assessed = participations(ctx).flatMap((p) => {
    const view = views.get(p.programme.programmeId)?.get(p.participant.nip);
    return view && ['confirmed', 'completed'].includes(view.status) ? [{ p, enrolmentId: view.enrolmentId }] : [];
  });
  const task = ctx.progress.task('pre-assessments', assessed.length);
  let recorded = 0;
  await forEachConcurrent(
    assessed,
    ctx.concurrency,
    async ({ p, enrolmentId }) => {
      if (await record(ctx, p, enrolmentId, 'pre', p.participant.pre)) recorded++;
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${recorded} recorded`);
}

/** Post-assessments two weeks after completion, and the on-the-job follow-up three months later where that date has passed. */
export async function recordPostAssessments(
  ctx: DemoContext,
  completed: Participation[],
  views: Enrolments,
): Promise<void> {
  if (!ctx.caps.assessment) {
    ctx.progress.log(
      'assessments: skipped — this gateway has no assessment routes yet (POST /api/v1/staff/{nip}/assessments/{id}/result)',
    );
    return;
  }
  const list = completed;
  const task = ctx.progress.task('post and on-the-job', list.length);
  let followUps = 0;
  await forEachConcurrent(
    list,
    ctx.concurrency,
    async (p) => {
      const enrolmentId = views.get(p.programme.programmeId)?.get(p.participant.nip)?.enrolmentId;
      if (!enrolmentId) return task.tick();
      // Promoted from the waitlist after the pre-assessment round: their baseline comes first.
      await record(ctx, p, enrolmentId, 'pre', p.participant.pre);
      if (p.participant.post) await record(ctx, p, enrolmentId, 'post', p.participant.post);
      if (p.participant.onTheJob && (await record(ctx, p, enrolmentId, 'on-the-job', p.participant.onTheJob)))
        followUps++;
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${followUps} on-the-job follow-ups`);
}
