import type { DataSource } from 'typeorm';
import type {
  DomainEvent,
  EventMetadata,
  EventStore,
  NewEvent,
  StoredEvent,
  StreamAppend,
} from '@kompeten/event-store';
import type { ScenarioPlan } from '../plan/scenario.plan';
import type { Progress } from '../run/progress';
import { forEachConcurrent } from '../run/semaphore';
import {
  serviceUnitDecider,
  serviceUnitStreamId,
} from '../../../../services/feedback/src/service-unit/service-unit.decider';
import {
  surveyResponseDecider,
  surveyResponseStreamId,
} from '../../../../services/feedback/src/survey/survey-response.decider';
import { applyStaffTraining } from '../../../../services/feedback/src/training-history/staff-training.consumer';

/** Events per append: one transaction and one group of rows (the store's batch path). */
const BATCH = 500;
/** Appends in flight. */
const IN_FLIGHT = 4;

const metadata = (plan: ScenarioPlan): EventMetadata => ({
  actor: `service:demo-province-${plan.tag.toLowerCase()}`,
  correlationId: `demo-province-${plan.seed}-${plan.tag}`,
  causationId: null,
});

async function appendInBatches(store: EventStore, parts: StreamAppend[], meta: EventMetadata) {
  for (let i = 0; i < parts.length; i += BATCH) await store.appendAll(parts.slice(i, i + BATCH), meta);
}

/**
 * One city of the province into the feedback service, without the gateway (20 × 45,000 answers
 * through the API would take hours on one machine — issue 23):
 *
 * - its service units and its citizens' answers are decided by the service's own deciders
 *   (`serviceUnitDecider`, `surveyResponseDecider`: the same checks and the same events as the API)
 *   and appended through its own EventStore, 500 streams per transaction; the service's projections
 *   and its outbox relay take them from there, as they would take a kiosk's;
 * - its roster and its completions reach the feedback service's training-history copy through that
 *   service's own consumer handler (`applyStaffTraining`), fed the enrolment events Kafka would
 *   deliver (StaffRegistered, StaffTransferred, StaffLeft, TrainingCompleted), a batch per transaction.
 *
 * What is not loaded (and why the report's figures at this size are about its speed, not its
 * findings): the enrolment, assessment and budget services' own logs — the saga, waitlists and funds
 * are not played out, so every planned completion completes; assessment results and spending
 * (learning gain, spend per unit) are absent; comments and contact details are left out (no personal
 * data to seal).
 */
export async function loadProvinceCity(
  store: EventStore,
  db: DataSource,
  plan: ScenarioPlan,
  today: string,
  progress: Progress,
): Promise<{ responses: number; staff: number; completions: number }> {
  const meta = metadata(plan);
  const task = progress.task(`${plan.tag}: units, answers, staff`, plan.units.length + plan.surveys.length);
  const units = new Map(
    plan.units.map((u) => {
      const details = {
        name: u.name,
        opd: u.opd,
        kind: u.kind,
        services: u.services,
        annualServiceUsers: u.annualServiceUsers,
      };
      const [event] = serviceUnitDecider.decide(
        { type: 'RegisterServiceUnit', unitCode: u.code, details, today },
        serviceUnitDecider.initialState(),
      );
      return [u.code, { event, state: serviceUnitDecider.evolve(serviceUnitDecider.initialState(), event) }];
    }),
  );
  await appendInBatches(
    store,
    [...units].map(([code, u]) => ({
      streamId: serviceUnitStreamId(code),
      expected: 'no-stream',
      events: [u.event as NewEvent],
    })),
    meta,
  );
  task.tick(plan.units.length);

  const answers: StreamAppend[] = plan.surveys.map((r) => {
    const events = surveyResponseDecider.decide(
      {
        type: 'SubmitSurveyResponse',
        submissionId: r.submissionId,
        unitCode: r.unitCode,
        unit: units.get(r.unitCode)!.state,
        closedPeriods: [],
        serviceCode: r.serviceCode,
        servedOn: r.servedOn,
        scores: { ...r.scores },
        servedBy: r.servedBy ?? null,
        comment: null,
        contact: null,
        respondent: r.respondent ? { ...r.respondent } : null,
        channel: r.channel ?? 'web',
        today,
      },
      surveyResponseDecider.initialState(),
    );
    return { streamId: surveyResponseStreamId(r.submissionId), expected: 'no-stream', events };
  });
  // A few batches in flight: the store's group commit writes them in one transaction while the next are decided.
  const batches = Array.from({ length: Math.ceil(answers.length / BATCH) }, (_, i) =>
    answers.slice(i * BATCH, (i + 1) * BATCH),
  );
  await forEachConcurrent(batches, IN_FLIGHT, async (batch) => {
    await store.appendAll(batch, meta);
    task.tick(batch.length);
  });

  const completions = plan.programmes.flatMap((p) =>
    p.participants
      .filter((x) => x.outcome === 'complete' && x.completedOn)
      .map((x) => ({
        type: 'TrainingCompleted',
        data: {
          enrolmentId: `${p.programmeId}/${x.nip}`,
          programmeId: p.programmeId,
          nip: x.nip,
          jp: p.spec.jp,
          completedOn: x.completedOn,
          competencyType: p.spec.competencyType,
          competencyArea: p.spec.competencyArea,
          workUnit: x.workUnit,
          costPerParticipant: p.spec.costPerParticipant,
        },
      })),
  );
  const consumed = [
    ...plan.staff.map((s) => ({
      type: 'StaffRegistered',
      data: { nip: s.nip, employmentType: s.employmentType, registeredOn: s.registeredOn, workUnit: s.workUnit },
    })),
    ...completions,
    ...plan.movements.map((m) =>
      m.kind === 'transfer'
        ? {
            type: 'StaffTransferred',
            data: { nip: m.nip, to: { ...m.to, serviceUnit: null }, effectiveOn: m.effectiveOn },
          }
        : { type: 'StaffLeft', data: { nip: m.nip, effectiveOn: m.effectiveOn } },
    ),
  ];
  for (let i = 0; i < consumed.length; i += BATCH) {
    const tx = db.createQueryRunner();
    await tx.connect();
    await tx.startTransaction();
    try {
      for (const e of consumed.slice(i, i + BATCH))
        await applyStaffTraining(e as unknown as StoredEvent<DomainEvent>, tx);
      await tx.commitTransaction();
    } catch (err) {
      await tx.rollbackTransaction();
      throw err;
    } finally {
      await tx.release();
    }
  }
  task.done(`${plan.surveys.length} answers, ${plan.staff.length} staff, ${completions.length} completions`);
  return { responses: plan.surveys.length, staff: plan.staff.length, completions: completions.length };
}
