import type { DataSource } from 'typeorm';
import type { getCorrelationReport, getUnitScorecard, ResponseOf } from '@kompeten/api';
import { type ReadModelEntry, runQueryUseCase, serviceAudit } from '@kompeten/audit';
import { CityCalendar, DomainError } from '@kompeten/domain';
import type { Clock } from '@kompeten/platform';
import { serviceUnitsProjection } from './read-models/service-units.projection';
import { surveyPeriodClosuresProjection } from './read-models/survey-period-closures.projection';
import { surveyResponsesProjection } from './read-models/survey-responses.projection';
import { CreateTrainingHistory1733100000000 } from './training-history/1733100000000-create-training-history';
import { CreateExternalLearningCredit1768200000000 } from './training-history/1768200000000-create-external-learning-credit';
import { applyAssessmentResult } from './training-history/assessment-results.consumer';
import { applyStaffTraining } from './training-history/staff-training.consumer';
import { applyTrainingSpend } from './training-history/training-spend.consumer';

// What an auditor's replay can rebuild from the feedback service (docs/audit/README.md): its survey
// projections, its copy of other services' training events (the very handlers its consumers run, in
// the tables its migration creates), and the two figures it computes on request — the unit scorecard
// and the correlation report — computed by its own handlers over the replayed tables.
//
// The figures' code (the handlers, and through them Nest, Swagger and class-validator) is loaded when
// a figure is asked for: the audit tool's other commands stream in a small heap.

/**
 * The city's calendar for the replay: the same CITY_TIME_ZONE setting the service runs with (default
 * Asia/Jakarta), so that replayed spending is dated as the live consumer dated it and "the current
 * quarter" of a figure is the city's. An auditor of a WITA or WIT city sets it as the service has it.
 */
const auditCalendar = (): CityCalendar => new CityCalendar(process.env.CITY_TIME_ZONE || undefined);

/** GET /service-units/:unitCode/scorecard's answer. */
export type UnitScorecard = ResponseOf<typeof getUnitScorecard>;
/** GET /correlation-report's JSON answer. */
export type CorrelationReport = Exclude<ResponseOf<typeof getCorrelationReport>, string>;

/**
 * A unit's scorecard as GET /service-units/:unitCode/scorecard answers it: the service's own handler
 * and readers over `db`, at `clock`'s time (no `period`: the city's quarter at `clock`). `query` is the
 * raw query string (`period`), validated by the use case's query class as the service validates it.
 * Throws what the service would answer instead (DomainError, or a 400 naming the parameter).
 */
export async function unitScorecard(
  db: DataSource,
  clock: Clock,
  unitCode: string,
  query: Record<string, unknown> = {},
  calendar: CityCalendar = auditCalendar(),
): Promise<UnitScorecard> {
  const [{ getUnitScorecard }, { GetUnitScorecardHandler }, { UnitPeriodFactsReader }] = await Promise.all([
    import('@kompeten/api'),
    import('./queries/get-unit-scorecard/get-unit-scorecard.handler'),
    import('./correlation/unit-period-facts.reader'),
  ]);
  const handler = new GetUnitScorecardHandler(db, new UnitPeriodFactsReader(db), clock, calendar);
  return runQueryUseCase(getUnitScorecard, handler, { params: { unitCode }, query });
}

/**
 * The correlation report as GET /correlation-report answers it in JSON: the service's own handler
 * and report builder over `db`, at `clock`'s time (no `from`: the city's year at `clock`). `query` is the
 * raw query string (`from`, `to`, `opd`, `kind`, `adequateOnly`), validated by the use case's query
 * class. Throws what the service would answer instead; the CSV forms are not figures (`format=csv` is refused).
 */
export async function correlationReport(
  db: DataSource,
  clock: Clock,
  query: Record<string, unknown> = {},
  calendar: CityCalendar = auditCalendar(),
): Promise<CorrelationReport> {
  if (query.format !== undefined && query.format !== 'json')
    throw DomainError.invalid('format', 'an audit figure is the JSON report (format=json)');
  const [{ getCorrelationReport }, { GetCorrelationReportHandler }, { CorrelationReportBuilder }, facts] =
    await Promise.all([
      import('@kompeten/api'),
      import('./queries/get-correlation-report/get-correlation-report.handler'),
      import('./correlation/correlation-report.builder'),
      import('./correlation/unit-period-facts.reader'),
    ]);
  const builder = new CorrelationReportBuilder(db, new facts.UnitPeriodFactsReader(db));
  const report = await runQueryUseCase(
    getCorrelationReport,
    new GetCorrelationReportHandler(builder, clock, calendar),
    {
      params: {},
      query,
    },
  );
  if (typeof report === 'string') throw new Error('the correlation report answered CSV where JSON was asked for');
  return report;
}

/** The correlation read model's survey side: the service's own projections. */
const surveySide = {
  projections: [serviceUnitsProjection, surveyResponsesProjection, surveyPeriodClosuresProjection],
} satisfies Partial<ReadModelEntry>;

/** Its training side: the copy of other services' training events (consumers of their topics, in tables of fixed names). */
const trainingSide = {
  consumers: [
    { name: 'staff-training', from: 'enrolment', handle: applyStaffTraining },
    { name: 'assessment-results', from: 'assessment', handle: applyAssessmentResult },
    { name: 'training-spend', from: 'budget', handle: applyTrainingSpend(auditCalendar()) },
  ],
  migrations: [CreateTrainingHistory1733100000000, CreateExternalLearningCredit1768200000000],
} satisfies Partial<ReadModelEntry>;

export const feedbackAudit = serviceAudit('feedback', [
  {
    name: 'unit-survey',
    description:
      "service units, their citizens' SKM responses and the IKM each closed period published (the scorecard's survey side)",
    ...surveySide,
  },
  {
    name: 'staff-training-copy',
    description:
      "the feedback service's own copy of staff assignments, completions, assessment results and spend (the correlation report's training side), from three services' topics",
    ...trainingSide,
    views: [
      { name: 'staff', key: ['nip'], sql: 'select * from fb_staff' },
      {
        name: 'assignments',
        key: ['nip', 'from_date', 'opd', 'service_unit'],
        sql: 'select nip, opd, service_unit, from_date, to_date from fb_staff_assignment',
      },
      { name: 'completions', key: ['enrolment_id'], sql: 'select * from fb_training_completion' },
      { name: 'external-learning', key: ['learning_id'], sql: 'select * from fb_external_learning_credit' },
      { name: 'assessment-results', key: ['assessment_id'], sql: 'select * from fb_assessment_result' },
      { name: 'spend', key: ['event_id'], sql: 'select * from fb_training_spend' },
    ],
  },
  // Figures computed on request over both halves: replayed, then the service's own handler runs.
  {
    name: 'unit-scorecard',
    description:
      "a unit's scorecard for a period (IKM, NRR per element, grade, sample target; its staff's training; the published IKM), as GET /service-units/:unitCode/scorecard answers",
    ...surveySide,
    ...trainingSide,
    params: ['unitCode', 'period'],
    figure: {
      name: 'scorecard',
      run: ({ db, clock, params: { unitCode, ...query } }) => unitScorecard(db, clock, unitCode, query),
    },
  },
  {
    name: 'correlation-report',
    description:
      'training measures against IKM per unit and period: correlations, programme effects, trained vs untrained staff, as GET /correlation-report answers (JSON)',
    ...surveySide,
    ...trainingSide,
    params: ['from', 'to', 'opd', 'kind', 'adequateOnly'],
    figure: { name: 'report', run: ({ db, clock, params }) => correlationReport(db, clock, params) },
  },
]);
