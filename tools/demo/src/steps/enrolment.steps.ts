import type { getProgramme, ResponseOf } from '@kompeten/api';
import { unless } from '../gateway/gateway-client';
import type { ParticipantPlan, ProgrammePlan } from '../plan/participation.plan';
import { actors, commandKey, DemoContext } from '../run/demo-context';
import { forEachConcurrent, forEachInLanes } from '../run/semaphore';

/** What the steps need of an enrolment, as GET /programmes/:id shows it. */
export type EnrolmentView = Pick<
  ResponseOf<typeof getProgramme>['enrolments'][number],
  'enrolmentId' | 'nip' | 'status'
>;
/** programmeId → nip → the enrolment as GET /programmes/:id shows it. */
export type Enrolments = Map<string, Map<string, EnrolmentView>>;
export interface Participation {
  programme: ProgrammePlan;
  participant: ParticipantPlan;
}

/**
 * Commands on one programme append to one stream: a few lanes per programme keep the writers to a
 * number whose lost races the service settles by retrying; more would only conflict.
 */
export const LANES_PER_PROGRAMME = 3;
export const byProgramme = (p: Participation) =>
  `${p.programme.programmeId}#${p.programme.participants.indexOf(p.participant) % LANES_PER_PROGRAMME}`;
/**
 * A participant's attendance, progress and completion go to their own stream (`programme-<id>/<nip>`,
 * issue 23): one lane per participant keeps their order (attendance before completion), and
 * participants of one programme no longer wait for each other.
 */
export const byParticipant = (p: Participation) => `${p.programme.programmeId}/${p.participant.nip}`;

export const participations = (ctx: DemoContext): Participation[] =>
  ctx.plan.programmes.flatMap((programme) => programme.participants.map((participant) => ({ programme, participant })));

/** Each work unit's training officer enrols its staff; the budget answers asynchronously. */
export async function enrolParticipants(ctx: DemoContext): Promise<void> {
  const all = participations(ctx);
  const task = ctx.progress.task('enrolments', all.length);
  await forEachInLanes(
    all,
    byProgramme,
    async ({ programme, participant: x }) => {
      await unless(
        ctx.client.as(actors.officerOf(x.workUnit)).enrolStaff({
          params: { programmeId: programme.programmeId },
          body: { nip: x.nip, enrolledOn: x.enrolledOn },
          idempotencyKey: commandKey(ctx.plan, 'enrol', programme.programmeId, x.nip),
        }),
        'already-enrolled',
      );
      task.tick();
    },
    ctx.failed,
  );
  task.done();
}

async function readProgramme(ctx: DemoContext, programmeId: string): Promise<Map<string, EnrolmentView>> {
  const { enrolments, waitlist } = await ctx.client
    .as(actors.bkpsdm(ctx.plan))
    .getProgramme({ params: { programmeId } });
  const list = [...enrolments, ...waitlist];
  return new Map(list.map((e) => [e.nip, { enrolmentId: e.enrolmentId, nip: e.nip, status: e.status }]));
}

/**
 * Money the budgets hold for each programme (committed or spent), over the fiscal years the plan's
 * programmes are charged to; null when this gateway has no budget routes.
 */
async function moneyHeld(ctx: DemoContext): Promise<Map<string, number> | null> {
  if (!ctx.caps.budget) return null;
  const api = ctx.client.as(actors.planner);
  const held = new Map<string, number>();
  for (const fiscalYear of new Set(ctx.plan.programmes.map((p) => p.fiscalYear))) {
    const { rows } = await api.getUtilisation({ query: { fiscalYear, by: 'programme' } });
    for (const r of rows)
      if ('programmeId' in r) held.set(r.programmeId, (held.get(r.programmeId) ?? 0) + r.committed + r.spent);
  }
  return held;
}

/**
 * Waits until the budget and the programme agree (the saga has come to rest) and returns what each
 * programme looks like then: no enrolment is still waiting for the budget's answer, and the money the
 * budgets hold for the programme is exactly the cost of its confirmed and completed seats — a release
 * after a withdrawal has been seen, and the funds queue it served (an enrolment waitlisted for funds
 * confirmed, or put back on the capacity waitlist) has been answered. Gives up after `timeoutMs` and says so.
 */
export async function settleFunds(ctx: DemoContext, label: string, timeoutMs = 180_000): Promise<Enrolments> {
  const views: Enrolments = new Map();
  const task = ctx.progress.task(label, ctx.plan.programmes.length);
  let open = ctx.plan.programmes;
  const deadline = Date.now() + timeoutMs;
  const moving = new Map<string, string>();
  while (open.length) {
    const still: ProgrammePlan[] = [];
    const held = await moneyHeld(ctx);
    await forEachConcurrent(open, 4, async (p) => {
      const view = await readProgramme(ctx, p.programmeId);
      views.set(p.programmeId, view);
      const statuses = [...view.values()].map((e) => e.status);
      const pending = statuses.filter((s) => s === 'pending-funds').length;
      const seats = statuses.filter((s) => s === 'confirmed' || s === 'completed').length;
      const money = held?.get(p.programmeId) ?? 0;
      if (pending === 0 && (held === null || money === seats * p.spec.costPerParticipant)) task.tick();
      else {
        still.push(p);
        moving.set(
          p.programmeId,
          `${pending} pending funds, ${seats} seats, budgets hold ${money / p.spec.costPerParticipant}`,
        );
      }
    });
    open = still;
    if (open.length && Date.now() > deadline) {
      ctx.progress.log(
        `${label}: budget and enrolments still moving after ${timeoutMs / 1000} s — ${open.map((p) => `${p.programmeId}: ${moving.get(p.programmeId)}`).join('; ')}; going on without them`,
      );
      break;
    }
    if (open.length) await new Promise((r) => setTimeout(r, 250));
  }
  const all = [...views.values()].flatMap((m) => [...m.values()]);
  const count = (s: string) => all.filter((e) => e.status === s).length;
  task.done(
    `${count('confirmed') + count('completed')} confirmed, ${count('waitlisted-funds')} waiting for funds, ${count('waitlisted-capacity')} for a seat`,
  );
  return views;
}

const ACTIVE = ['pending-funds', 'confirmed', 'waitlisted-capacity', 'waitlisted-funds'];

/** Withdrawals, with their reasons: workload first, as the seed document says. */
export async function withdraw(ctx: DemoContext, views: Enrolments): Promise<void> {
  const leaving = participations(ctx).filter(
    ({ programme, participant }) =>
      participant.outcome === 'withdraw' &&
      ACTIVE.includes(views.get(programme.programmeId)?.get(participant.nip)?.status ?? ''),
  );
  const task = ctx.progress.task('withdrawals', leaving.length);
  await forEachInLanes(
    leaving,
    byProgramme,
    async ({ programme, participant: x }) => {
      await unless(
        ctx.client.as(actors.officerOf(x.workUnit)).withdrawEnrolment({
          params: { programmeId: programme.programmeId, nip: x.nip },
          body: x.withdrawal!,
          idempotencyKey: commandKey(ctx.plan, 'withdraw', programme.programmeId, x.nip),
        }),
        'enrolment-state:withdrawn',
      );
      task.tick();
    },
    ctx.failed,
  );
  const workload = leaving.filter((l) => l.participant.withdrawal?.reason === 'workload').length;
  task.done(`${workload} for workload`);
}
