import { getLeagueTable, type ResponseOf } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { UnitPeriodFactsReader } from '../../correlation/unit-period-facts.reader';
import type { UnitPeriodFacts } from '../../correlation/unit-period-facts';
import { periodOrCurrentQuarter } from '../../shared/period-or-fail';

const byIkm = (a: UnitPeriodFacts, b: UnitPeriodFacts) =>
  (b.survey.ikm ?? -1) - (a.survey.ikm ?? -1) || a.unitCode.localeCompare(b.unitCode);

/**
 * The city's units by IKM. Only units whose responses reach the Krejcie–Morgan target are ranked;
 * the others are listed after them, unranked, with the reason — a league of three responses is noise.
 */
@Handles(getLeagueTable)
export class GetLeagueTableHandler implements UseCaseHandler<typeof getLeagueTable> {
  constructor(
    private readonly facts: UnitPeriodFactsReader,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ query }: UseCaseRequest<typeof getLeagueTable>): Promise<LeagueTable> {
    const period = periodOrCurrentQuarter(query.period, this.calendar.dateOf(this.clock.now()));
    const filter = { opd: query.opd, kind: query.kind };
    const all = (await this.facts.facts(period, filter)).sort(byIkm);
    const ranked = all.filter((f) => f.survey.ikm !== null && f.survey.sampleAdequate);
    const unranked = all.filter((f) => !ranked.includes(f));
    const row = (f: UnitPeriodFacts, rank: number | null) => ({
      rank,
      unitCode: f.unitCode,
      name: f.name,
      opd: f.opd,
      kind: f.kind,
      responses: f.survey.responses,
      sampleTarget: f.survey.sampleTarget,
      sampleAdequate: f.survey.sampleAdequate,
      ikm: f.survey.ikmRounded,
      grade: f.survey.grade,
      gradeLabel: f.survey.gradeLabel,
      u6: f.survey.nrr?.u6 ?? null,
      u7: f.survey.nrr?.u7 ?? null,
      share20Jp: f.training.share20Jp,
      headcount: f.training.headcount,
      ...(rank === null
        ? {
            unrankedBecause:
              f.survey.ikm === null
                ? 'no responses'
                : `${f.survey.responses} responses, below the Krejcie–Morgan target of ${f.survey.sampleTarget}`,
          }
        : {}),
    });
    // Equal two-decimal IKMs share a rank (1, 2, 2, 4).
    const ranks = ranked.map(
      (f) => 1 + ranked.filter((o) => (o.survey.ikmRounded ?? 0) > (f.survey.ikmRounded ?? 0)).length,
    );
    return {
      period: { id: period.id, start: period.start, end: period.end },
      filter,
      units: [...ranked.map((f, i) => row(f, ranks[i])), ...unranked.map((f) => row(f, null))],
    };
  }
}

/** What GET /league-table answers. */
export type LeagueTable = ResponseOf<typeof getLeagueTable>;
