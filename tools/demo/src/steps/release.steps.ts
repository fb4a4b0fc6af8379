import type { getProgramme, ResponseOf } from '@kompeten/api';
import { unless } from '../gateway/gateway-client';
import { describeReleases, releaseCounts, type ReleaseRequestPlan } from '../plan/release.plan';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent, forEachInLanes } from '../run/semaphore';
import { LANES_PER_PROGRAMME } from './enrolment.steps';

type Participant = ResponseOf<typeof getProgramme>['enrolments'][number];
/** `programmeId:nip` → the enrolment as GET /programmes/:id shows it. */
export type ReleaseViews = Map<string, Participant>;
export const releaseKey = (x: { programmeId: string; nip: string }) => `${x.programmeId}:${x.nip}`;

export interface ReleaseOutcome extends ReturnType<typeof releaseCounts> {
  rules: number;
  /** Released (nominated or approved) and confirmed: the funds committed as well. */
  confirmed: number;
  summary: string;
}

/** What each request ends as: a release is confirmed once the funds are committed too; a decline is final. */
const finalStatus = (x: ReleaseRequestPlan, budget: boolean) =>
  x.decision.kind === 'decline' ? 'declined' : budget ? 'confirmed' : 'pending-funds';

/** The programmes ahead as the platform shows them now: every enrolment, by programme and NIP. */
async function readViews(ctx: DemoContext): Promise<ReleaseViews> {
  const api = ctx.client.as(actors.bkpsdm(ctx.plan));
  const views: ReleaseViews = new Map();
  for (const p of ctx.plan.releases.programmes) {
    const found = await unless(api.getProgramme({ params: { programmeId: p.programmeId } }), 'programme-not-found');
    for (const e of found ? [...found.enrolments, ...found.waitlist] : [])
      views.set(releaseKey({ programmeId: p.programmeId, nip: e.nip }), e);
  }
  return views;
}

/**
 * Done already (an earlier run): asked, or decided. Checked on the platform rather than left to the
 * Idempotency-Key alone, since a run on a later day dates its requests and letters differently (the
 * gateway refuses a key sent again with another body) and keys expire after a day.
 */
const requested = (views: ReleaseViews, x: ReleaseRequestPlan) => views.has(releaseKey(x));
const decided = (views: ReleaseViews, x: ReleaseRequestPlan) => {
  const v = views.get(releaseKey(x));
  return x.decision.kind === 'decline' ? v?.status === 'declined' : Boolean(v?.release);
};

/** Each puskesmas's head sets how many of its staff may be away for training on one day. */
async function setContinuityRules(ctx: DemoContext): Promise<void> {
  const { rules } = ctx.plan.releases;
  const task = ctx.progress.task('continuity rules', rules.length);
  await forEachConcurrent(
    rules,
    ctx.concurrency,
    async (r) => {
      await ctx.client.as(actors.headOf(r)).setContinuityRule({
        params: { opd: r.opd },
        body: { serviceUnit: r.serviceUnit, maxAwayCount: r.maxAwayCount, maxAwayShare: r.maxAwayShare },
        idempotencyKey: commandKey(ctx.plan, 'continuity-rule', r.serviceUnit),
      });
      task.tick();
    },
    ctx.failed,
  );
  task.done();
}

/** BKPSDM publishes the programmes ahead: sessions with times and places, a release needed, the fiscal year named. */
async function publishUpcoming(ctx: DemoContext): Promise<void> {
  const { programmes } = ctx.plan.releases;
  const api = ctx.client.as(actors.bkpsdm(ctx.plan));
  const task = ctx.progress.task('programmes ahead', programmes.length);
  await forEachConcurrent(
    programmes,
    ctx.concurrency,
    async (p) => {
      const s = p.spec;
      await unless(
        api.publishProgramme({
          body: {
            programmeId: p.programmeId,
            title: s.title,
            competencyType: s.competencyType,
            competencyArea: s.competencyArea,
            form: s.form,
            universityPartner: null,
            jp: s.jp,
            costPerParticipant: s.costPerParticipant,
            capacity: p.capacity,
            fundingOpd: s.fundingOpd,
            sessions: p.sessions,
            completionRule: null,
            fiscalYear: p.fiscalYear,
            lateEnrolment: false,
            releaseRequired: true,
          },
          idempotencyKey: commandKey(ctx.plan, 'programme', p.programmeId),
        }),
        'programme-exists',
      );
      task.tick();
    },
    ctx.failed,
  );
  task.done(programmes.map((p) => `${p.programmeId} from ${p.sessions[0].date}`).join(', '));
}

/** Staff ask for a place themselves (the head's nominations come later, with the decisions). */
async function requestPlaces(ctx: DemoContext): Promise<void> {
  const views = await readViews(ctx);
  const requests = ctx.plan.releases.requests.filter((x) => x.requestedOn !== null && !requested(views, x));
  const task = ctx.progress.task('requests to train', requests.length);
  await forEachInLanes(
    requests,
    (x) => `${x.programmeId}#${requests.indexOf(x) % LANES_PER_PROGRAMME}`,
    async (x) => {
      await unless(
        ctx.client.as(actors.staff(x.nip)).enrolStaff({
          params: { programmeId: x.programmeId },
          body: { nip: x.nip, enrolledOn: x.requestedOn! },
          idempotencyKey: commandKey(ctx.plan, 'request', x.programmeId, x.nip),
        }),
        'already-enrolled',
      );
      task.tick();
    },
    ctx.failed,
  );
  task.done();
}

/**
 * Before deciding, each head opens the unit's training calendar: the continuity limit it shows
 * counts the unit's active staff, so the head waits until the roster holds all of them.
 */
async function readCalendars(ctx: DemoContext, timeoutMs = 60_000): Promise<void> {
  const { rules, programmes } = ctx.plan.releases;
  const days = programmes.flatMap((p) => p.sessions.map((s) => s.date)).sort();
  const range = { from: ctx.plan.timeline.today, to: days[days.length - 1] };
  const task = ctx.progress.task('training calendars', rules.length);
  const deadline = Date.now() + timeoutMs;
  await forEachConcurrent(
    rules,
    ctx.concurrency,
    async (r) => {
      for (;;) {
        const calendar = await ctx.client.as(actors.headOf(r)).getTrainingCalendar({
          params: { opd: r.opd },
          query: { serviceUnit: r.serviceUnit, ...range },
        });
        if (calendar.headcount === r.headcount && calendar.limit === r.limit) break;
        if (Date.now() > deadline) {
          ctx.progress.log(
            `training calendar of ${r.serviceUnit}: headcount ${calendar.headcount}, limit ${calendar.limit} (planned ${r.headcount}, ${r.limit}); deciding anyway`,
          );
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      task.tick();
    },
    ctx.failed,
  );
  task.done();
}

/**
 * Each head decides for their unit, one decision after another (a unit's releases are decided on one
 * calendar): nominations and approvals within the continuity rule, each with its surat tugas, then
 * the declines with their coded reasons.
 */
async function decide(ctx: DemoContext): Promise<void> {
  const views = await readViews(ctx);
  const open = ctx.plan.releases.requests.filter((x) => !decided(views, x));
  const task = ctx.progress.task('release decisions', open.length);
  await forEachInLanes(
    open,
    (x) => x.workUnit.serviceUnit ?? x.workUnit.opd,
    async (x) => {
      const api = ctx.client.as(actors.headOf(x.workUnit));
      const params = { opd: x.workUnit.opd };
      const target = { programmeId: x.programmeId, nip: x.nip };
      const key = commandKey(ctx.plan, x.decision.kind, x.programmeId, x.nip);
      const d = x.decision;
      if (d.kind === 'decline')
        await api.declineRelease({
          params,
          body: { ...target, reason: d.reason, ...(d.note ? { note: d.note } : {}) },
          idempotencyKey: key,
        });
      else {
        const body = { ...target, suratTugas: x.suratTugas! };
        await (d.kind === 'nominate'
          ? api.nominateStaff({ params, body, idempotencyKey: key })
          : api.approveRelease({ params, body, idempotencyKey: key }));
      }
      task.tick();
    },
    ctx.failed,
  );
  task.done(describeReleases(open));
}

/**
 * Reads the programmes ahead until every request is `settled` (the budget's answer and the release
 * saga arrive through Kafka); gives up after `timeoutMs` and says so. Three minutes: in one slow
 * fresh-clone run it gave up on the last answer after two (late or lost is not known yet; the demo-city
 * e2e allows six for the whole city).
 */
async function awaitRequests(
  ctx: DemoContext,
  label: string,
  settled: (x: ReleaseRequestPlan, status: string | undefined) => boolean,
  timeoutMs = 180_000,
): Promise<ReleaseViews> {
  const { requests } = ctx.plan.releases;
  const task = ctx.progress.task(label, requests.length);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const views = await readViews(ctx);
    const open = requests.filter((x) => !settled(x, views.get(releaseKey(x))?.status));
    if (open.length === 0 || Date.now() > deadline) {
      task.tick(requests.length - open.length);
      const statuses = new Map<string, number>();
      for (const v of views.values()) statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);
      const seen = [...statuses].map(([s, n]) => `${n} ${s}`).join(', ');
      task.done(open.length ? `gave up waiting for ${open.length}; ${seen}` : seen);
      return views;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Release by the unit head, in the order it happens: the puskesmas set their continuity rules,
 * BKPSDM publishes the programmes ahead, staff ask for a place, the budget answers, each head looks
 * at the unit's training calendar and decides (nominates, approves with a surat tugas, or declines
 * with a coded reason: workload at the busiest puskesmas), and the saga confirms the released seats.
 */
export async function releaseByUnitHeads(ctx: DemoContext): Promise<ReleaseOutcome | null> {
  if (!ctx.caps.releases) {
    ctx.progress.log('releases: skipped — this gateway has no release routes yet (POST /api/v1/units/{opd}/releases)');
    return null;
  }
  const budget = ctx.caps.budget;
  await setContinuityRules(ctx);
  await publishUpcoming(ctx);
  await requestPlaces(ctx);
  // The head decides on requests the budget has answered (a decline then frees committed money).
  if (budget)
    await awaitRequests(
      ctx,
      'budget answers to the requests',
      (x, s) => x.requestedOn === null || (s !== undefined && s !== 'pending-funds'),
    );
  await readCalendars(ctx);
  await decide(ctx);
  const views = await awaitRequests(ctx, 'releases settled', (x, s) => s === finalStatus(x, budget));
  const { requests, rules } = ctx.plan.releases;
  const confirmed = requests.filter(
    (x) => x.decision.kind !== 'decline' && views.get(releaseKey(x))?.status === 'confirmed',
  ).length;
  const counts = releaseCounts(requests);
  return {
    ...counts,
    rules: rules.length,
    confirmed,
    summary: `${rules.length} puskesmas with a continuity rule; ${describeReleases(requests)}; ${confirmed} of ${counts.nominated + counts.approved} released seats confirmed`,
  };
}
