/**
 * The cost of an OPD's 20-JP shortfall, recomputed from the enrolment service's event log (es_event)
 * alone — no read model, no service code — so that a test can check GET /units/:opd/shortage against
 * a second derivation (the issue's "analytical truth"). It follows the definitions of
 * docs/planning/shortage-and-plan-vs-actual.md, written out again here on purpose:
 *  - active PNS of the OPD: StaffRegistered as PNS, in the OPD after their last StaffTransferred, no
 *    StaffLeft, registered by 31 December of the year;
 *  - JP credited: Σ jp of their TrainingCompleted events completed in the year and Σ jpCredited of their
 *    ExternalLearningVerified events of the year (learning outside the catalogue); short = Σ max(0, 20 − jp);
 *  - a programme as it now stands: ProgrammePublished overlaid by its latest ProgrammeRevised naming each field;
 *  - current mix: Σ cost / Σ JP (the programmes' current figures) of the OPD's enrolments charged to the
 *    year that hold a seat (last state event StaffEnrolled, EnrolmentFunded, EnrolmentConfirmed or
 *    TrainingCompleted, not cancelled with their programme), rounded; else the city's; else the klasikal
 *    unit cost (the year's klasikal programmes, Σ cost / Σ JP, else the 250,000 default).
 * Demo data only: it reads every event, which is fine for a test and wrong for production.
 */
export interface IndependentShortage {
  pns: number;
  belowTarget: number;
  jpShort: number;
  basis: 'opd' | 'city' | 'klasikal';
  costPerJp: number;
  rupiah: number;
}

const KLASIKAL_DEFAULT = 250_000;

const SQL = `
with reg as (
  select payload->>'nip' as nip, payload->>'employmentType' as employment_type,
         payload->'workUnit'->>'opd' as opd, (payload->>'registeredOn')::date as registered_on
    from es_event where type = 'StaffRegistered'),
moved as (
  select distinct on (payload->>'nip') payload->>'nip' as nip, payload->'to'->>'opd' as opd
    from es_event where type = 'StaffTransferred' order by payload->>'nip', position desc),
pns as (
  select r.nip from reg r left join moved m on m.nip = r.nip
   where r.employment_type = 'PNS' and coalesce(m.opd, r.opd) = $1 and r.registered_on <= make_date($2, 12, 31)
     and not exists (select 1 from es_event l where l.type = 'StaffLeft' and l.payload->>'nip' = r.nip)),
credited as (
  select nip, sum(jp) as jp from (
    select payload->>'nip' as nip, (payload->>'jp')::int as jp
      from es_event where type = 'TrainingCompleted' and extract(year from (payload->>'completedOn')::date) = $2
    union all
    select payload->>'nip', (payload->>'jpCredited')::int
      from es_event where type = 'ExternalLearningVerified' and (payload->>'year')::int = $2) x
   group by 1),
short as (
  select count(*)::int as pns, count(*) filter (where coalesce(c.jp, 0) < 20)::int as below,
         coalesce(sum(greatest(0, 20 - coalesce(c.jp, 0))), 0)::int as jp_short
    from pns p left join credited c on c.nip = p.nip),
programme as (
  select p.payload->>'programmeId' as programme_id, p.occurred_at, p.payload as published,
         ${['form', 'jp', 'costPerParticipant', 'fiscalYear', 'sessions'].map(current).join(',\n         ')},
         exists (select 1 from es_event c where c.type = 'ProgrammeCancelled'
                  and c.payload->>'programmeId' = p.payload->>'programmeId') as cancelled
    from es_event p where p.type = 'ProgrammePublished'),
state as (
  select distinct on (payload->>'enrolmentId') payload->>'enrolmentId' as enrolment_id,
         payload->>'programmeId' as programme_id, type, position, payload
    from es_event
   where type in ('StaffEnrolled', 'EnrolmentWaitlisted', 'EnrolmentFunded', 'EnrolmentConfirmed', 'EnrolmentWithdrawn',
                  'EnrolmentDeclined', 'TrainingCompleted', 'TrainingNotCompleted')
   order by payload->>'enrolmentId', position desc),
first_seen as (
  select distinct on (payload->>'enrolmentId') payload->>'enrolmentId' as enrolment_id, payload->'workUnit'->>'opd' as opd
    from es_event where type in ('StaffEnrolled', 'EnrolmentWaitlisted') order by payload->>'enrolmentId', position),
last_enrolled as (
  select distinct on (payload->>'enrolmentId') payload->>'enrolmentId' as enrolment_id, (payload->>'year')::int as year
    from es_event where type = 'StaffEnrolled' order by payload->>'enrolmentId', position desc),
charged as (
  select f.opd, (p.cost_per_participant #>> '{}')::numeric as cost, (p.jp #>> '{}')::numeric as jp
    from state s join first_seen f using (enrolment_id) join last_enrolled e using (enrolment_id)
    join programme p on p.programme_id = s.programme_id
   where s.type in ('StaffEnrolled', 'EnrolmentFunded', 'EnrolmentConfirmed', 'TrainingCompleted')
     and (case when s.type = 'TrainingCompleted' then (s.payload->>'year')::int else e.year end) = $2
     and not (s.type <> 'TrainingCompleted' and exists (
       select 1 from es_event c where c.type = 'ProgrammeCancelled' and c.payload->>'programmeId' = s.programme_id
          and c.position > s.position))),
klasikal as (
  select sum((cost_per_participant #>> '{}')::numeric) as cost, sum((jp #>> '{}')::numeric) as jp
    from programme
   where not cancelled and (form #>> '{}') = 'klasikal' and (jp #>> '{}')::numeric > 0
     and coalesce((fiscal_year #>> '{}')::int,
                  (select extract(year from min((x->>'date')::date))::int from jsonb_array_elements(sessions) x),
                  extract(year from occurred_at at time zone $3)::int) = $2)
select s.pns, s.below, s.jp_short,
       (select sum(cost) from charged where opd = $1) as opd_cost, (select sum(jp) from charged where opd = $1) as opd_jp,
       (select sum(cost) from charged) as city_cost, (select sum(jp) from charged) as city_jp,
       k.cost as klasikal_cost, k.jp as klasikal_jp
  from short s, klasikal k`;

/** A field of the programme as it now stands: the latest revision that names it, else as published. */
function current(field: string): string {
  const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return `coalesce((select r.payload->'changes'->'${field}' from es_event r
                     where r.type = 'ProgrammeRevised' and r.payload->>'programmeId' = p.payload->>'programmeId'
                       and r.payload->'changes' ? '${field}' order by r.position desc limit 1),
                   p.payload->'${field}') as ${column}`;
}

type Num = string | number | null;
interface Row {
  pns: number;
  below: number;
  jp_short: number;
  opd_cost: Num;
  opd_jp: Num;
  city_cost: Num;
  city_jp: Num;
  klasikal_cost: Num;
  klasikal_jp: Num;
}

/** `db`: the enrolment service's database (a pg client, a pool or a TypeORM DataSource). */
export async function independentShortage(
  db: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  opd: string,
  year: number,
  timeZone = 'Asia/Jakarta',
): Promise<IndependentShortage> {
  const result = await db.query(SQL, [opd, year, timeZone]);
  const [r] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
  const n = (v: Num) => Number(v ?? 0);
  const [basis, costPerJp]: [IndependentShortage['basis'], number] =
    n(r.opd_jp) > 0
      ? ['opd', Math.round(n(r.opd_cost) / n(r.opd_jp))]
      : n(r.city_jp) > 0
        ? ['city', Math.round(n(r.city_cost) / n(r.city_jp))]
        : ['klasikal', n(r.klasikal_jp) > 0 ? Math.round(n(r.klasikal_cost) / n(r.klasikal_jp)) : KLASIKAL_DEFAULT];
  return { pns: r.pns, belowTarget: r.below, jpShort: r.jp_short, basis, costPerJp, rupiah: r.jp_short * costPerJp };
}
