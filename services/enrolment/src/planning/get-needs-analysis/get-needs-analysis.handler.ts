import { DataSource } from 'typeorm';
import { getNeedsAnalysis, type ResponseOf } from '@kompeten/api';
import { PROGRAMME_FORMS, type ProgrammeForm } from '@kompeten/contracts';
import { CityCalendar } from '@kompeten/domain';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { JP_RIGHT_PNS } from '../../queries/jp-ledger';
import { planTotals } from '../../training-plan/plan-lines.rules';
import { proposePlan } from '../needs-analysis';
import { weakElements } from '../skm-elements';
import { currentUnitCosts } from '../unit-costs';
import { readNeedsInputs } from './needs-inputs.reader';

/** What GET /units/:opd/needs-analysis answers. */
export type NeedsAnalysisView = ResponseOf<typeof getNeedsAnalysis>;

/**
 * The needs analysis of an OPD for a year (the city's current year by default): the read models as
 * they are today, turned into proposed plan lines by needs-analysis.ts, with what was read beside them
 * so the officer sees why each line is there. It proposes; nothing is recorded until a plan is drafted.
 */
@Handles(getNeedsAnalysis)
export class GetNeedsAnalysisHandler implements UseCaseHandler<typeof getNeedsAnalysis> {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, query }: UseCaseRequest<typeof getNeedsAnalysis>): Promise<NeedsAnalysisView> {
    const now = this.clock.now();
    const year = query.year ?? this.calendar.yearOf(now);
    const [inputs, unitCosts] = await Promise.all([
      readNeedsInputs(this.db, opd, year),
      currentUnitCosts(this.db, year, this.calendar.timeZone),
    ]);
    const costPerJp = Object.fromEntries(PROGRAMME_FORMS.map((f) => [f, unitCosts[f].costPerJp])) as Record<
      ProgrammeForm,
      number
    >;
    const lines = proposePlan({ ...inputs, costPerJp });
    const pns = inputs.staff.filter((s) => s.employmentType === 'PNS');
    return {
      opd,
      year,
      asOf: this.calendar.dateOf(now),
      inputs: {
        activeStaff: inputs.staff.length,
        pns: pns.length,
        competencyGaps: inputs.gaps.length,
        serviceUnits: inputs.units.map((u) => ({
          unitCode: u.unitCode,
          kind: u.kind,
          period: u.period,
          ikm: u.ikm,
          grade: u.grade,
          weakElements: weakElements(u).map(({ element, nrr, competencyArea }) => ({ element, nrr, competencyArea })),
        })),
        expiringCertifications: inputs.expiring.length,
        pnsBelowTarget: pns.filter((s) => s.jpCredited < JP_RIGHT_PNS).length,
        unitCosts,
      },
      lines,
      totals: planTotals(lines),
    };
  }
}
