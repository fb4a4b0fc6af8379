import { unless } from '../gateway/gateway-client';
import { planPlanning } from '../plan/planning.plan';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent } from '../run/semaphore';

export interface PlanningOutcome {
  opd: string;
  year: number;
  planRupiah: number;
  funded: number;
  waitlisted: number;
  /** Funded requests that arrived after a request that was waitlisted: priority, not arrival, decided. */
  fundedAheadOfEarlier: number;
  summary: string;
}

/** Polls (this is a demo run, not a test) until `ready`, for at most a minute. */
async function until(ready: () => Promise<boolean>, what: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`planning: gave up waiting for ${what}`);
}

const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

/**
 * Dinas Sosial's planning cycle for next year, through the gateway: BKPSDM's officer drafts the plan
 * from the needs analysis and submits it, the head of Dinas Sosial approves it, the OPD funds by need
 * with a weekly window, every staff member asks for a seat in the plan's communication programme (in
 * a seeded order) under a budget for 40 % of them, and the window is decided: the shortfall forces
 * priorities, and each decision carries its score and why.
 */
export async function planAndFundByNeed(ctx: DemoContext): Promise<PlanningOutcome | null> {
  if (!ctx.caps.planning) {
    ctx.progress.log('planning: skipped — this gateway has no planning routes yet (needs analysis, funding by need)');
    return null;
  }
  const p = planPlanning(ctx.plan);
  const key = (...parts: (string | number)[]) => commandKey(ctx.plan, 'planning', p.opd, p.year, ...parts);
  const officer = ctx.client.as(actors.planner);
  const head = ctx.client.as(actors.headOf({ opd: p.opd, serviceUnit: null }));
  const today = ctx.plan.timeline.today;
  const task = ctx.progress.task('planning cycle (Dinas Sosial)', 7 + p.applicants.length);

  // This year's komunikasi assessments of Dinas Sosial's staff: the gaps the plan and the scores start from.
  await forEachConcurrent(
    p.applicants,
    ctx.concurrency,
    async (a) => {
      const scheduled = await officer.scheduleAssessment({
        params: { nip: a.nip },
        body: { kind: 'periodic', competencyCode: 'komunikasi', dueOn: ctx.plan.timeline.lastDay },
        idempotencyKey: key('assessment', a.nip),
      });
      await officer.recordAssessmentResult({
        params: { nip: a.nip, assessmentId: scheduled.assessmentId },
        body: {
          assessor: 'assessor:bkpsdm-asesor',
          method: 'observation',
          score: a.level,
          assessedOn: ctx.plan.timeline.lastDay,
        },
      });
    },
    ctx.failed,
  );
  task.tick();

  // The gaps reach the enrolment service through Kafka: read the analysis once it names everyone below the standard.
  const below = p.applicants.filter((a) => a.level < p.requiredLevel).map((a) => a.nip);
  let proposal = await officer.getNeedsAnalysis({ params: { opd: p.opd }, query: { year: p.year } });
  await until(async () => {
    proposal = await officer.getNeedsAnalysis({ params: { opd: p.opd }, query: { year: p.year } });
    const gapLine = proposal.lines.find((l) => l.lineId === 'gap-komunikasi');
    return below.every((nip) => gapLine?.people.includes(nip));
  }, 'the komunikasi gaps in the needs analysis');
  const lines = proposal.lines.map(({ estimatedRupiah: _computed, ...line }) => line);
  task.tick();
  await unless(
    officer.draftTrainingPlan({
      params: { opd: p.opd },
      body: { year: p.year, lines, proposedAsOf: proposal.asOf },
      idempotencyKey: key('draft'),
    }),
    'training-plan-exists',
  );
  let plan = await officer.getTrainingPlan({ params: { opd: p.opd, year: String(p.year) } });
  if (plan.status === 'draft')
    await officer.submitTrainingPlan({
      params: { opd: p.opd, year: String(p.year) },
      body: { revision: plan.revision },
      idempotencyKey: key('submit', plan.revision),
    });
  if (plan.approvedRevision !== plan.revision)
    await head.approveTrainingPlan({
      params: { opd: p.opd, year: String(p.year) },
      body: { revision: plan.revision },
      idempotencyKey: key('approve', plan.revision),
    });
  plan = await officer.getTrainingPlan({ params: { opd: p.opd, year: String(p.year) } });
  task.tick();

  await unless(
    officer.openBudget({
      body: { fiscalYear: p.year, opd: p.opd, fundingSource: 'APBD', ceiling: p.allocation * 2 },
      idempotencyKey: key('budget'),
    }),
    'budget-exists',
  );
  await unless(
    officer.allocateFunds({
      params: { budgetId: `${p.year}-${p.opd}-APBD` },
      body: { competencyArea: 'komunikasi', amount: p.allocation },
      idempotencyKey: key('allocation'),
    }),
    'allocation-exists',
  );
  await head.setFundingPolicy({
    params: { opd: p.opd },
    body: { fiscalYear: p.year, mode: 'by-need', windowDays: p.windowDays, windowsFrom: today },
    idempotencyKey: key('policy'),
  });
  task.tick();
  await unless(
    officer.publishProgramme({
      body: {
        programmeId: p.programmeId,
        title: 'Komunikasi efektif dalam layanan sosial',
        competencyType: 'manajerial',
        competencyArea: 'komunikasi',
        form: 'klasikal',
        universityPartner: null,
        jp: p.jp,
        costPerParticipant: p.costPerParticipant,
        capacity: p.applicants.length,
        fundingOpd: p.opd,
        sessions: [{ sessionId: 'h1', date: p.sessionDate, title: 'Komunikasi dengan penerima manfaat' }],
        completionRule: null,
        fiscalYear: p.year,
        lateEnrolment: false,
        releaseRequired: false,
      },
      idempotencyKey: key('programme'),
    }),
    'programme-exists',
  );
  task.tick();
  await forEachConcurrent(
    p.applicants.map((a) => a.nip),
    1, // one at a time: the arrival order is the point
    async (nip) => {
      await unless(
        officer.enrolStaff({
          params: { programmeId: p.programmeId },
          body: { nip },
          idempotencyKey: key('enrol', nip),
        }),
        'already-enrolled',
      );
      task.tick();
    },
    ctx.failed,
  );
  // The budget hears of each request through Kafka: decide once it holds them all (or has decided them before).
  await until(async () => {
    const seen = await head.listFundingDecisions({ params: { opd: p.opd }, query: { fiscalYear: p.year } });
    const decidedBefore = seen.windows.some((w) => w.decisionDay === today);
    return decidedBefore || seen.pending.length >= p.applicants.length;
  }, 'the budget to hold every request');
  const decided = await head.decideFundingWindow({
    params: { opd: p.opd },
    body: { fiscalYear: p.year, decisionDay: today },
    idempotencyKey: key('window', today),
  });
  task.tick();
  const decisions = decided.decisions;
  const funded = decisions.filter((d) => d.outcome === 'funded');
  const arrival = (nip: string) => p.applicants.findIndex((a) => a.nip === nip);
  const firstWaitlisted = Math.min(...decisions.filter((d) => d.outcome !== 'funded').map((d) => arrival(d.nip)));
  const aheadOfEarlier = funded.filter((d) => arrival(d.nip) > firstWaitlisted).length;
  const planRupiah = (plan.approvedLines ?? []).reduce((sum, l) => sum + l.estimatedRupiah, 0);
  const summary =
    `${p.opd} FY${p.year}: plan ${rupiah(planRupiah)} in ${plan.approvedLines?.length ?? 0} lines (revision ${plan.approvedRevision}); ` +
    `${decisions.length} requests for ${rupiah(p.allocation)}: ${funded.length} funded by need, ` +
    `${aheadOfEarlier} of them ahead of earlier requests`;
  task.done(summary);
  return {
    opd: p.opd,
    year: p.year,
    planRupiah,
    funded: funded.length,
    waitlisted: decisions.length - funded.length,
    fundedAheadOfEarlier: aheadOfEarlier,
    summary,
  };
}
