import { forEachConcurrent } from '../run/semaphore';
import { unless } from '../gateway/gateway-client';
import { actors, commandKey, DemoContext } from '../run/demo-context';

/** Puskesmas and counters, with their services and yearly users (the sample-size population). */
export async function registerServiceUnits(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  const api = ctx.client.as(actors.bkpsdm(plan));
  const task = ctx.progress.task('service units', plan.units.length);
  await forEachConcurrent(plan.units, ctx.concurrency, async (u) => {
    await unless(
      api.registerServiceUnit({
        body: {
          unitCode: u.code,
          name: u.name,
          opd: u.opd,
          kind: u.kind,
          services: u.services,
          annualServiceUsers: u.annualServiceUsers,
        },
        idempotencyKey: commandKey(plan, 'unit', u.code),
      }),
      'service-unit-exists',
    );
    task.tick();
  });
  task.done();
}

/**
 * The roster, registered by each work unit's own training officer with the dates the business gives:
 * staff serving since before go-live are registered from when they joined the unit (`registeredOn`)
 * and took their position (`positionSince`), so the history counts them in every quarter.
 */
export async function registerStaff(ctx: DemoContext): Promise<void> {
  const { plan, client } = ctx;
  const task = ctx.progress.task('staff', plan.staff.length);
  await forEachConcurrent(
    plan.staff,
    ctx.concurrency,
    async (s) => {
      const workUnit = s.workUnit.serviceUnit ? s.workUnit : { opd: s.workUnit.opd };
      await unless(
        client.as(actors.officerOf(s.workUnit)).registerStaff({
          body: {
            nip: s.nip,
            name: s.name,
            employmentType: s.employmentType,
            workUnit,
            position: s.position,
            registeredOn: s.registeredOn,
            positionSince: s.positionSince,
          },
          idempotencyKey: commandKey(plan, 'staff', s.nip),
        }),
        'staff-exists',
      );
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${plan.staff.filter((s) => s.employmentType === 'PPPK').length} PPPK`);
}

/**
 * The catalogue, published by BKPSDM; self-paced programmes complete by their modules (minimum score
 * 70). A programme with sessions is charged to the fiscal year of its first session (the service
 * decides, `fiscalYear: null`); a self-paced one has none and names its year. The history is recorded
 * after the fact — backfilled at go-live, today — so a programme whose first session has passed allows
 * late enrolment; otherwise enrolment would have closed at that session.
 */
export async function publishProgrammes(ctx: DemoContext): Promise<void> {
  const { plan } = ctx;
  const api = ctx.client.as(actors.bkpsdm(plan));
  const task = ctx.progress.task('programmes', plan.programmes.length);
  await forEachConcurrent(plan.programmes, ctx.concurrency, async (p) => {
    const s = p.spec;
    await unless(
      api.publishProgramme({
        body: {
          programmeId: p.programmeId,
          title: s.title,
          competencyType: s.competencyType,
          competencyArea: s.competencyArea,
          form: s.form,
          universityPartner: s.universityPartner ?? null,
          jp: s.jp,
          costPerParticipant: s.costPerParticipant,
          capacity: p.capacity,
          fundingOpd: s.fundingOpd,
          sessions: p.sessions,
          completionRule: s.modules ? { modules: s.modules, minScore: 70 } : null,
          fiscalYear: p.sessions.length ? null : p.fiscalYear,
          lateEnrolment: p.lateEnrolment,
          releaseRequired: s.releaseRequired ?? false,
        },
        idempotencyKey: commandKey(plan, 'programme', p.programmeId),
      }),
      'programme-exists',
    );
    task.tick();
  });
  task.done();
}

/** This month's transfers and departures, recorded after the training history they leave behind. */
export async function moveStaff(ctx: DemoContext): Promise<void> {
  const { plan, client } = ctx;
  const byNip = new Map(plan.staff.map((s) => [s.nip, s]));
  const task = ctx.progress.task('transfers and departures', plan.movements.length);
  await forEachConcurrent(
    plan.movements,
    ctx.concurrency,
    async (m) => {
      const api = client.as(actors.officerOf(byNip.get(m.nip)!.workUnit));
      const params = { nip: m.nip };
      if (m.kind === 'transfer') {
        await unless(
          api.transferStaff({
            params,
            body: { to: m.to, effectiveOn: m.effectiveOn },
            idempotencyKey: commandKey(plan, 'transfer', m.nip),
          }),
          'staff-left',
        );
      } else {
        await unless(
          api.recordStaffDeparture({
            params,
            body: { reason: m.reason, effectiveOn: m.effectiveOn },
            idempotencyKey: commandKey(plan, 'depart', m.nip),
          }),
          'staff-left',
        );
      }
      task.tick();
    },
    ctx.failed,
  );
  task.done(`${plan.movements.filter((m) => m.kind === 'transfer').length} transfers`);
}
