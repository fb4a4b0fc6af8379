import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { exportTrainingHistory, type TrainingHistoryExport } from '@kompeten/api';
import { CityCalendar, DomainError } from '@kompeten/domain';
import { Clock, Handles, type InternalIdentity, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { CITY_PROVIDER } from '../certificate/issue-certificates.reaction';
import { trainingHistoryCsv } from './training-history.csv';
import { nationalRow, type TrainingFact } from './training-history-row';

/** Roles that see beyond their own record (the gateway has already narrowed a unit-head to their OPD). */
const BEYOND_SELF = ['admin', 'auditor', 'training-officer', 'unit-head'];

/**
 * Completed Kompeten programmes and verified external learning, for the staff of an OPD (where the
 * roster places them now: their whole history goes with them) or one staff member; filters combine.
 * A programme's provider is its certificate's (the programme's partner or BKPSDM); its start is the
 * first session; its number the certificate's unless revoked. External learning keeps what was recorded.
 */
const FACTS = `
  select 'programme' as source, h.enrolment_id as "sourceId", h.nip, c.form, h.competency_type as "competencyType",
         coalesce(r.title, c.title, h.programme_id) as title,
         coalesce(r.provider, c.details->>'universityPartner', $4) as provider,
         coalesce(c.first_session_date, h.completed_on)::text as "startDate", h.completed_on::text as "endDate",
         h.jp_credited as jp, r.number as "certificateNumber", h.year
    from enrolment_history h join staff_roster s using (nip)
    left join programme_catalogue c using (programme_id)
    left join certificate_register r on r.kind = 'training' and r.source_id = h.enrolment_id and r.status = 'issued'
   where h.status = 'completed' and h.completed_on is not null
     and ($1::text is null or s.opd = $1) and ($2::text is null or h.nip = $2) and ($3::int is null or h.year = $3)
  union all
  select 'external', e.learning_id, e.nip, e.form, e.competency_type, e.title, e.provider, e.start_date::text,
         e.end_date::text, e.jp_credited, e.provider_certificate_number, e.year
    from external_learning e join staff_roster s using (nip)
   where e.status = 'verified'
     and ($1::text is null or s.opd = $1) and ($2::text is null or e.nip = $2) and ($3::int is null or e.year = $3)
  order by nip, "endDate", "sourceId"`;

@Handles(exportTrainingHistory)
export class ExportTrainingHistoryHandler implements UseCaseHandler<typeof exportTrainingHistory> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query, res }: UseCaseRequest<typeof exportTrainingHistory>): Promise<TrainingHistoryExport | string> {
    const opd = query.opd ?? null;
    const nip = ownNipOnly(identityOf(res)) ?? query.nip ?? null;
    const year = query.year ?? null;
    if (!opd && !nip) throw DomainError.invalid('opd', 'name an OPD (opd) or a staff member (nip)');
    const facts = await this.db.query<TrainingFact[]>(FACTS, [opd, nip, year, CITY_PROVIDER]);
    const rows = facts.map(nationalRow);
    if (query.format !== 'csv')
      return {
        filter: { opd, nip, year },
        generatedOn: this.calendar.dateOf(this.clock.now()),
        count: rows.length,
        rows,
      };
    res.type('text/csv; charset=utf-8');
    const name = ['riwayat-diklat', opd, nip, year].filter(Boolean).join('-');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return trainingHistoryCsv(rows);
  }
}

/** The caller's identity as the platform's guard verified it; none when an audit replays the query (no request). */
const identityOf = (res: Response) =>
  'req' in res ? (res.req as Request & { identity?: InternalIdentity }).identity : undefined;

/**
 * A caller who is only staff exports their own record whatever the query says: the gateway lets staff
 * leave `nip` out (selfQuery), and without this an `opd` alone would export their colleagues'.
 */
function ownNipOnly(identity: InternalIdentity | undefined): string | undefined {
  if (!identity || identity.roles.some((r) => BEYOND_SELF.includes(r))) return undefined;
  return identity.nip ?? '-'; // a staff token without a NIP matches nobody
}
