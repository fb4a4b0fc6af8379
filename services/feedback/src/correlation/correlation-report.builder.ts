import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ikmOf } from '../ikm/ikm';
import { periodOf, periodsBetween, shiftPeriod, SurveyPeriod } from '../ikm/survey-period';
import { CORRELATION_METHODS } from '../statistics/correlation';
import { SMALL_SAMPLE_N } from '../statistics/figure-status';
import { WELCH_METHOD } from '../statistics/mean-difference';
import { correlate } from './correlation-figures';
import { ProgrammeEffect, programmeEffect, UnitChange } from './programme-effect';
import {
  programmeSpend,
  programmesCompleted,
  servedGroups,
  unitsPerProgramme,
  unitsWithCompletions,
} from './report-inputs.sql';
import { staffComparisonOfGroups } from './staff-comparison';
import { surveyTotals, type SurveyTotalsRow } from './training-measures.sql';
import { UnitFilter, UnitPeriodFactsReader } from './unit-period-facts.reader';

export interface CorrelationReportRequest {
  from: SurveyPeriod;
  to: SurveyPeriod;
  filter: UnitFilter;
  adequateOnly: boolean;
}

export const ASSOCIATION_STATEMENT =
  'These figures describe association, not causation: units that train more may differ in other ways (staffing, funding, patients). A difference-in-differences estimate isolates the programme only under its parallel-trends assumption.';

/** The correlation report: every unit-period of the range, the correlations, programme effects and the staff comparison. */
@Injectable()
export class CorrelationReportBuilder {
  constructor(
    private readonly db: DataSource,
    private readonly facts: UnitPeriodFactsReader,
  ) {}

  async build({ from, to, filter, adequateOnly }: CorrelationReportRequest) {
    const periods = periodsBetween(from, to);
    const units = await this.facts.units(filter);
    const codes = units.map((u) => u.unit_code);
    const inputs = this.inputs(codes);
    // Everything below reads the database independently: asked at once, it shares the connection pool
    // (a province has hundreds of programmes; one after another, the report took tens of seconds).
    const [rows, completed, served] = await Promise.all([
      Promise.all(periods.map((p) => this.facts.facts(p, filter, { units, totals: inputs.totals }))).then((r) =>
        r.flat(),
      ),
      programmesCompleted(this.db, codes),
      servedGroups(this.db, from.start, to.end, codes),
    ]);
    const observations = rows.filter((r) => r.survey.ikm !== null && (!adequateOnly || r.survey.sampleAdequate));
    // A programme is evaluated in the report whose range holds its post period (the period after its last completion).
    const programmes = completed.filter((p) => {
      const post = shiftPeriod(periodOf(p.last, from.granularity), 1);
      return post.start >= from.start && post.end <= to.end;
    });
    const effects: ProgrammeEffect[] = await Promise.all(
      programmes.map((p) => this.programmeEffect(p, from.granularity, codes, inputs)),
    );
    const distinctUnits = new Set(observations.map((o) => o.unitCode)).size;
    const withoutHeadcount = observations.filter((o) => o.training.headcount === 0).length;
    return {
      granularity: from.granularity,
      from: from.id,
      to: to.id,
      periods: periods.map((p) => p.id),
      filter,
      adequateOnly,
      statement: ASSOCIATION_STATEMENT,
      observations: observations.length,
      units: distinctUnits,
      observationsBelowSampleTarget: observations.filter((o) => !o.survey.sampleAdequate).length,
      observationsWithoutHeadcount: withoutHeadcount,
      notes: notes(observations.length, distinctUnits, withoutHeadcount),
      methods: {
        ...CORRELATION_METHODS,
        differenceOfMeans: WELCH_METHOD,
        smallSample: `figures from fewer than ${SMALL_SAMPLE_N} observations (or units per group) are marked small-sample; fewer than 4 pairs (2 per group) give no figure (insufficient)`,
        differenceInDifferences:
          'per programme whose post period lies in the range: pre = the period before its first completion, post = the period after its last (no unit is mid-training in either); trained units = units whose staff completed it; untrained units = units with no completion of any programme from the start of pre to the end of post; estimate = mean change of trained − mean change of untrained units, Welch interval over the per-unit changes',
      },
      correlations: correlate(observations),
      programmeEffects: effects,
      staffComparison: staffComparisonOfGroups(served),
      rows: observations,
    };
  }

  /**
   * The report's shared reads, each made once per report however many programmes ask: a period's
   * survey totals, the units that completed any programme in a date range, each programme's units.
   */
  private inputs(codes: string[]) {
    const once = <T>(read: (key: string) => Promise<T>) => {
      const seen = new Map<string, Promise<T>>();
      return (key: string) => {
        if (!seen.has(key)) seen.set(key, read(key));
        return seen.get(key)!;
      };
    };
    const totals = once((range) => {
      const [start, end] = range.split('/');
      return surveyTotals(this.db, start, end, codes);
    });
    const trainedIn = once(async (range) => {
      const [start, end] = range.split('/');
      return new Set(await unitsWithCompletions(this.db, codes, { start, end }));
    });
    const perProgramme = once(() => unitsPerProgramme(this.db, codes));
    return {
      totals: (period: SurveyPeriod): Promise<SurveyTotalsRow[]> => totals(`${period.start}/${period.end}`),
      trainedIn: (start: string, end: string) => trainedIn(`${start}/${end}`),
      unitsOf: async (programmeId: string) => (await perProgramme(''))?.get(programmeId) ?? [],
    };
  }

  private async programmeEffect(
    p: { programme_id: string; first: string; last: string },
    granularity: SurveyPeriod['granularity'],
    codes: string[],
    inputs: ReturnType<CorrelationReportBuilder['inputs']>,
  ) {
    const pre = shiftPeriod(periodOf(p.first, granularity), -1);
    const post = shiftPeriod(periodOf(p.last, granularity), 1);
    const [treatedCodes, trainedAny] = await Promise.all([
      inputs.unitsOf(p.programme_id),
      inputs.trainedIn(pre.start, post.end),
    ]);
    const controlCodes = codes.filter((c) => !trainedAny.has(c) && !treatedCodes.includes(c));
    const ikmIn = async (period: SurveyPeriod) =>
      new Map((await inputs.totals(period)).map((t) => [t.unit_code, ikmOf(t, t.responses)!.ikm]));
    const [before, after] = await Promise.all([ikmIn(pre), ikmIn(post)]);
    const changes = (list: string[]): UnitChange[] =>
      list
        .filter((c) => before.has(c) && after.has(c))
        .map((c) => ({ unitCode: c, pre: before.get(c)!, post: after.get(c)! }));
    const treated = changes(treatedCodes);
    const control = changes(controlCodes);
    const missing = (list: string[], kept: UnitChange[]) => list.filter((c) => !kept.some((k) => k.unitCode === c));
    return programmeEffect({
      programmeId: p.programme_id,
      firstCompletion: p.first,
      lastCompletion: p.last,
      pre: pre.id,
      post: post.id,
      treated,
      control,
      withoutSurveys: { treated: missing(treatedCodes, treated), control: missing(controlCodes, control) },
      spend: await programmeSpend(
        this.db,
        p.programme_id,
        treated.map((t) => t.unitCode),
      ),
    });
  }
}

function notes(observations: number, units: number, withoutHeadcount: number): string[] {
  const list: string[] = [];
  if (withoutHeadcount)
    list.push(
      `${withoutHeadcount} of ${observations} unit-periods have no staff known in the unit on the period’s last day: their training measures are missing, so they are left out of every correlation with one (see each correlation’s n). Staff count from their registeredOn; register staff who served before go-live with their real dates.`,
    );
  if (observations > units)
    list.push(
      `${observations} observations come from ${units} units: repeated periods of one unit are not independent, so the intervals are narrower than they should be. Prefer one period per unit (a cross-section).`,
    );
  if (observations < SMALL_SAMPLE_N)
    list.push(
      `Only ${observations} unit-periods: every correlation is a small sample; read the intervals, not the point estimates.`,
    );
  return list;
}
export type CorrelationReport = Awaited<ReturnType<CorrelationReportBuilder['build']>>;
