import { unless } from '../gateway/gateway-client';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachInLanes } from '../run/semaphore';
import { registerLearningPlatform, sendStatements } from './xapi.steps';
import { byParticipant, Enrolments, Participation, participations } from './enrolment.steps';

/**
 * The training itself, dated in its quarter: attendance per session and then completion or
 * non-completion (classroom, blended, magang); learning statements from the e-learning platform or
 * the mobile app (time on task included), which complete the training on their own when every module
 * is done and enough time was spent. Attendance comes before completion: a completion below the
 * programme's attendance threshold (80 % of sessions) carries the officer's coded override, and a
 * non-completion its coded reason (absent, workload, illness, failed-assessment, other with a note).
 * Only confirmed enrolments take part; those still waiting for a seat or for funds do not.
 */
export async function deliverTraining(ctx: DemoContext, views: Enrolments): Promise<Participation[]> {
  const status = ({ programme, participant }: Participation) =>
    views.get(programme.programmeId)?.get(participant.nip)?.status;
  const taking = participations(ctx).filter((p) => p.participant.outcome !== 'withdraw' && status(p) === 'confirmed');
  // Self-paced progress comes from the city's e-learning platform (xAPI); an older gateway takes it from the officer.
  if (ctx.caps.xapi) await registerLearningPlatform(ctx, ctx.plan.programmes);
  const task = ctx.progress.task('attendance and completion', taking.length);
  // An earlier run that stopped half-way completed these already: their assessments may still be due.
  const completed: Participation[] = participations(ctx).filter((p) => status(p) === 'completed');
  await forEachInLanes(
    taking,
    byParticipant,
    async (item) => {
      const { programme, participant: x } = item;
      const api = ctx.client.as(actors.officerOf(x.workUnit));
      const params = { programmeId: programme.programmeId, nip: x.nip };
      const key = (...parts: string[]) => commandKey(ctx.plan, ...parts, programme.programmeId, x.nip);
      for (const a of x.attendance)
        await api.recordAttendance({ params, body: a, idempotencyKey: key('attend', a.sessionId) });
      // A statement id makes a resend harmless by itself (200 the second time); no Idempotency-Key needed.
      if (ctx.caps.xapi && x.statements.length) await sendStatements(ctx, x.nip, programme.programmeId, x.statements);
      else for (const s of x.statements) await api.recordLearningProgress({ params, body: s });
      if (x.outcome === 'complete' && !programme.spec.modules && x.completedOn) {
        await unless(
          api.completeTraining({
            params,
            body: {
              completedOn: x.completedOn,
              ...(x.attendanceOverride && { attendanceOverride: x.attendanceOverride }),
            },
            idempotencyKey: key('complete'),
          }),
          'enrolment-state:completed',
        );
      }
      if (x.outcome === 'not-complete' && x.nonCompletion) {
        await unless(
          api.recordNonCompletion({
            params,
            body: x.nonCompletion,
            idempotencyKey: key('not-complete'),
          }),
          'enrolment-state:not-completed',
        );
      }
      if (x.outcome === 'complete') completed.push(item);
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${completed.length} completed`);
  return completed;
}
