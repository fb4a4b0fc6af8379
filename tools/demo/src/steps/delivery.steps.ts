import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachInLanes } from '../run/semaphore';
import { byProgramme, Enrolments, Participation, participations } from './enrolment.steps';

const NOT_COMPLETED = {
  classroom: 'Hadir kurang dari 80% sesi',
  selfPaced: 'Modul belum diselesaikan sampai batas waktu',
};

/**
 * The training itself, dated in its quarter: attendance per session and then completion or
 * non-completion (classroom, blended, magang); learning statements from the e-learning platform or
 * the mobile app, which complete the training on their own when every module is done.
 * Only confirmed enrolments take part; those still waiting for a seat or for funds do not.
 */
export async function deliverTraining(ctx: DemoContext, views: Enrolments): Promise<Participation[]> {
  const status = ({ programme, participant }: Participation) =>
    views.get(programme.programmeId)?.get(participant.nip)?.status;
  const taking = participations(ctx).filter((p) => p.participant.outcome !== 'withdraw' && status(p) === 'confirmed');
  const task = ctx.progress.task('attendance and completion', taking.length);
  // An earlier run that stopped half-way completed these already: their assessments may still be due.
  const completed: Participation[] = participations(ctx).filter((p) => status(p) === 'completed');
  await forEachInLanes(
    taking,
    byProgramme,
    async (item) => {
      const { programme, participant: x } = item;
      const officer = actors.officerOf(x.workUnit);
      const base = `/programmes/${programme.programmeId}/enrolments/${x.nip}`;
      const key = (...parts: string[]) => commandKey(ctx.plan, ...parts, programme.programmeId, x.nip);
      for (const a of x.attendance) {
        await ctx.client.expect(officer, 'POST', `${base}/attendance`, [201], {
          body: a,
          idempotencyKey: key('attend', a.sessionId),
        });
      }
      // A statement id makes a resend harmless by itself; no Idempotency-Key needed.
      for (const s of x.statements)
        await ctx.client.expect(officer, 'POST', `${base}/statements`, [201, 200], { body: s });
      if (x.outcome === 'complete' && !programme.spec.modules) {
        await ctx.client.expect(officer, 'POST', `${base}/completion`, [201, 'enrolment-state:completed'], {
          body: { completedOn: x.completedOn },
          idempotencyKey: key('complete'),
        });
      }
      if (x.outcome === 'not-complete') {
        await ctx.client.expect(officer, 'POST', `${base}/non-completion`, [201, 'enrolment-state:not-completed'], {
          body: { reason: programme.spec.modules ? NOT_COMPLETED.selfPaced : NOT_COMPLETED.classroom },
          idempotencyKey: key('not-complete'),
        });
      }
      if (x.outcome === 'complete') completed.push(item);
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${completed.length} completed`);
  return completed;
}
