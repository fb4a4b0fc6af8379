import type { DataSource } from 'typeorm';
import type { DevelopmentPlanEvent } from '@kompeten/contracts';
import type { DevelopmentPlanSchema, Static } from '@kompeten/api';
import { fold } from '@kompeten/domain';
import type { EventStore } from '@kompeten/event-store';
import { JP_CREDITS } from '../queries/jp-credits.sql';
import { developmentPlanStreamId } from './development-plan.commands';
import { developmentPlanDecider } from './development-plan.decider';
import { planProgress, type Assessed } from './development-plan.progress';

export type DevelopmentPlanView = Static<typeof DevelopmentPlanSchema>;

/**
 * The plan as its stream says (a year's plan is a handful of events: no read model needed), with
 * its progress from the read models: the JP ledger (programmes completed and external learning verified,
 * jp-credits.sql.ts; JP in the year of completion as jp-ledger.ts counts them) and the latest assessment of each competency (staff_competency_gap).
 * Null when nothing was proposed for the year.
 */
export async function readDevelopmentPlan(
  store: EventStore,
  db: Pick<DataSource, 'query'>,
  nip: string,
  year: number,
  asOf: string,
): Promise<DevelopmentPlanView | null> {
  const events = await store.readStream<DevelopmentPlanEvent>(developmentPlanStreamId(year, nip));
  const s = fold(
    developmentPlanDecider,
    events.map(({ type, data }) => ({ type, data }) as DevelopmentPlanEvent),
  );
  if (s.status === 'none') return null;
  // Dates as text: node-postgres would turn a `date` into a Date at the server's local midnight.
  const [[jp], assessed] = await Promise.all([
    db.query<{ jp: number }[]>(
      `select coalesce(sum(jp_credited), 0)::int as jp from ${JP_CREDITS} c
        where nip = $1 and extract(year from completed_on) = $2::int`,
      [nip, year],
    ),
    db.query<Assessed[]>(
      `select competency_code as "competencyCode", level, assessed_on::text as "assessedOn"
         from staff_competency_gap where nip = $1 and competency_code = any($2::text[])`,
      [nip, s.targets.map((t) => t.competencyCode)],
    ),
  ]);
  return {
    year,
    status: s.status,
    revision: s.revision,
    targets: s.targets,
    targetJp: s.targetJp,
    note: s.note,
    proposedOn: s.proposedOn,
    agreedRevision: s.agreedRevision,
    agreedOn: s.agreedOn,
    progress: planProgress(s, jp?.jp ?? 0, assessed, asOf),
    history: events.map((e) => ({
      ...step({ type: e.type, data: e.data } as DevelopmentPlanEvent),
      actor: e.metadata.actor,
      recordedAt: e.recordedAt,
    })),
  };
}

const step = (e: DevelopmentPlanEvent) =>
  e.type === 'DevelopmentPlanProposed'
    ? { revision: e.data.revision, event: 'proposed' as const, on: e.data.proposedOn }
    : { revision: e.data.revision, event: 'agreed' as const, on: e.data.agreedOn };
