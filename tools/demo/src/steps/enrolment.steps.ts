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
          body: { nip: x.nip },
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
 * Waits until the budget has answered every enrolment (the saga: confirmed, or waitlisted for funds)
 * and returns what each programme looks like then. Gives up after `timeoutMs` and says so.
 */
export async function settleFunds(ctx: DemoContext, label: string, timeoutMs = 180_000): Promise<Enrolments> {
  const views: Enrolments = new Map();
  const task = ctx.progress.task(label, ctx.plan.programmes.length);
  let open = ctx.plan.programmes.map((p) => p.programmeId);
  const deadline = Date.now() + timeoutMs;
  while (open.length) {
    const still: string[] = [];
    await forEachConcurrent(open, 4, async (id) => {
      const view = await readProgramme(ctx, id);
      views.set(id, view);
      if ([...view.values()].some((e) => e.status === 'pending-funds')) still.push(id);
      else task.tick();
    });
    open = still;
    if (open.length && Date.now() > deadline) {
      ctx.progress.log(
        `${label}: still pending funds after ${timeoutMs / 1000} s in ${open.join(', ')} — going on without them`,
      );
      break;
    }
    if (open.length) await new Promise((r) => setTimeout(r, 1000));
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
