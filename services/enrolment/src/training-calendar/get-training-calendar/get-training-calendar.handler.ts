import { DataSource } from 'typeorm';
import type { TrainingCalendarEvent } from '@kompeten/contracts';
import { getTrainingCalendar, type ResponseOf } from '@kompeten/api';
import { daysBetween, DomainError, fold } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { awayLimit } from '../continuity.rules';
import { headcountOf } from '../release-target';
import { trainingCalendarDecider } from '../training-calendar.decider';
import { trainingCalendarStreamId, unitKeyOf } from '../training-calendar.commands';

/** The longest range one answer covers (a year and a little: a whole fiscal year from any day). */
export const MAX_RANGE_DAYS = 400;

/**
 * The unit's calendar before the head approves: read from the calendar's own stream (the same
 * state the next approval is decided on, not a read model that may lag), and the requests waiting.
 */
@Handles(getTrainingCalendar)
export class GetTrainingCalendarHandler implements UseCaseHandler<typeof getTrainingCalendar> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getTrainingCalendar>): Promise<TrainingCalendarView> {
    const { from, to } = query;
    if (to < from) throw DomainError.invalid('to', `must not be before from (${from})`);
    if (daysBetween(from, to) > MAX_RANGE_DAYS)
      throw DomainError.invalid('to', `at most ${MAX_RANGE_DAYS} days after from`);
    const serviceUnit = query.serviceUnit ?? null;
    const stream = await this.store.readStream<TrainingCalendarEvent>(
      trainingCalendarStreamId(unitKeyOf({ opd, serviceUnit })),
    );
    const state = fold(
      trainingCalendarDecider,
      stream.map(({ type, data }) => ({ type, data }) as TrainingCalendarEvent),
    );
    const headcount = await headcountOf(this.db, opd, serviceUnit);
    const limit = awayLimit(state, headcount);
    const byDate = new Map<string, TrainingCalendarView['days'][number]['away']>();
    for (const r of Object.values(state.releases))
      for (const d of r.days)
        if (d.date >= from && d.date <= to)
          byDate.set(d.date, [
            ...(byDate.get(d.date) ?? []),
            {
              nip: r.nip,
              programmeId: r.programmeId,
              sessionId: d.sessionId,
              startTime: d.startTime,
              endTime: d.endTime,
            },
          ]);
    const days = [...byDate.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, away]) => {
        const awayCount = new Set(away.map((a) => a.nip)).size;
        return { date, awayCount, atLimit: limit !== null && awayCount >= limit, away };
      });
    const pending = await this.db.query<
      { nip: string; programme_id: string; status: string; requested_on: string | null; first: string | null }[]
    >(
      `select h.nip, h.programme_id, h.status, h.enrolled_on::text as requested_on,
              (select min(s->>'date') from jsonb_array_elements(c.details->'sessions') s) as first
         from enrolment_history h join programme_catalogue c using (programme_id)
        where h.opd = $1 and h.service_unit is not distinct from $2 and h.approved_on is null
          and h.status in ('pending-funds', 'awaiting-release', 'waitlisted-capacity', 'waitlisted-funds')
          and coalesce((c.details->>'releaseRequired')::boolean, false) and c.status = 'published'
        order by h.enrolled_at, h.enrolment_id`,
      [opd, serviceUnit],
    );
    return {
      opd,
      serviceUnit,
      from,
      to,
      rule: state.rule,
      headcount,
      limit,
      days,
      pending: pending.map((p) => ({
        nip: p.nip,
        programmeId: p.programme_id,
        status: p.status,
        requestedOn: p.requested_on,
        firstSessionDate: p.first,
      })),
    };
  }
}

type TrainingCalendarView = ResponseOf<typeof getTrainingCalendar>;
