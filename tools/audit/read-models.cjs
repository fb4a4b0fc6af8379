'use strict';
// The read models `audit replay` and `audit diff` can rebuild, and what an auditor sees of each.
//
// A read model is the service's own code — the Projection objects its ProjectionRunner applies,
// the handlers its consumers run — plus views (SQL over its tables, by the names the service gives
// them) that say what to show and how a row is identified. Libraries may not import services
// (dependency-cruiser), so this catalogue, like scripts/, lives outside them and loads the
// compiled service modules from dist/ when a model is first used.
//
// Adding one: require the projection (or consumer) from dist/services/<service>/src/…, list it
// under `projections` (or `consumers` + `migrations`), and write its views — or, for a figure the
// service computes on request, a `render` that runs the service's own query (feedback-queries.cjs).
// See docs/audit/README.md.
const { load } = require('./load-dist.cjs');
const { correlationReport, unitScorecard } = require('./feedback-queries.cjs');

/** A catalogue entry whose service code is loaded when the model is used. */
function readModel({ projections = [], consumers = [], migrations = [], ...rest }) {
  let loaded;
  const get = () =>
    (loaded ??= {
      projections: projections.map((p) => p()),
      consumers: consumers.map(({ handle, eventTypes, ...c }) => ({
        ...c,
        handle: handle(),
        eventTypes: eventTypes(),
      })),
      migrations: migrations.map((m) => m()),
    });
  return Object.defineProperties(
    { ...rest },
    {
      projections: { get: () => get().projections, enumerable: true },
      consumers: { get: () => get().consumers, enumerable: true },
      migrations: { get: () => get().migrations, enumerable: true },
    },
  );
}

const enrolment = {
  history: load('enrolment', 'read-models/enrolment-history.projection.js', 'enrolmentHistoryProjection'),
  catalogue: load('enrolment', 'read-models/programme-catalogue.projection.js', 'programmeCatalogueProjection'),
  roster: load('enrolment', 'read-models/staff-roster.projection.js', 'staffRosterProjection'),
};
const budget = {
  overview: load('budget', 'read-models/budget-overview.projection.js', 'budgetOverviewProjection'),
  allocation: load('budget', 'read-models/budget-allocation.projection.js', 'budgetAllocationProjection'),
  commitment: load('budget', 'read-models/budget-commitment.projection.js', 'budgetCommitmentProjection'),
};
const feedback = {
  units: load('feedback', 'read-models/service-units.projection.js', 'serviceUnitsProjection'),
  responses: load('feedback', 'read-models/survey-responses.projection.js', 'surveyResponsesProjection'),
  closures: load('feedback', 'read-models/survey-period-closures.projection.js', 'surveyPeriodClosuresProjection'),
  trainingTables: load(
    'feedback',
    'training-history/1733100000000-create-training-history.js',
    'CreateTrainingHistory1733100000000',
  ),
  staffTraining: ['staff-training.consumer.js', 'applyStaffTraining', 'STAFF_TRAINING_EVENTS'],
  assessmentResults: ['assessment-results.consumer.js', 'applyAssessmentResult', 'ASSESSMENT_RESULT_EVENTS'],
  trainingSpend: ['training-spend.consumer.js', 'applyTrainingSpend', 'TRAINING_SPEND_EVENTS'],
};
const feedbackConsumer = (name, from, [file, handle, types]) => ({
  name,
  from,
  handle: load('feedback', `training-history/${file}`, handle),
  eventTypes: load('feedback', `training-history/${file}`, types),
});

// The feedback service's two halves of the correlation read model: its own survey projections, and
// its copy of other services' training events (consumers of their topics, in tables of fixed names).
const surveySide = { projections: [feedback.units, feedback.responses, feedback.closures] };
const trainingSide = {
  consumers: [
    feedbackConsumer('staff-training', 'enrolment', feedback.staffTraining),
    feedbackConsumer('assessment-results', 'assessment', feedback.assessmentResults),
    feedbackConsumer('training-spend', 'budget', feedback.trainingSpend),
  ],
  migrations: [feedback.trainingTables],
};

const READ_MODELS = [
  readModel({
    name: 'training-history',
    service: 'enrolment',
    description: "staff members' training (enrolments with programme titles, attendance, JP) and JP per year",
    projections: [enrolment.history, enrolment.catalogue],
    params: ['nip'],
    views: [
      {
        name: 'training',
        key: ['enrolment_id'],
        sql: `select h.nip, h.enrolment_id, h.programme_id, c.details->>'title' as title, h.competency_type, h.competency_area, h.status,
                     h.waitlist_reason, h.year, h.jp, h.jp_credited, h.completed_on, h.withdrawal_reason, h.withdrawal_note, h.attendance,
                     h.enrolled_at, h.updated_at
                from enrolment_history h left join programme_catalogue c using (programme_id)
               where ($1::text is null or h.nip = $1)`,
      },
      {
        name: 'jp-ledger',
        key: ['nip', 'year'],
        sql: `select nip, year, sum(jp_credited)::int as jp_completed, count(*)::int as completions
                from enrolment_history where status = 'completed' and ($1::text is null or nip = $1) group by nip, year`,
      },
    ],
  }),
  readModel({
    name: 'enrolment-history',
    service: 'enrolment',
    description: 'one row per enrolment, as the enrolment service keeps it',
    projections: [enrolment.history],
  }),
  readModel({
    name: 'staff-roster',
    service: 'enrolment',
    description: 'one row per staff member: unit, position, status (no names)',
    projections: [enrolment.roster],
  }),
  readModel({
    name: 'programme-catalogue',
    service: 'enrolment',
    description: 'one row per programme with its details and status',
    projections: [enrolment.catalogue],
  }),
  readModel({
    name: 'budget-utilisation',
    service: 'budget',
    description:
      "budgets' ceilings and money allocated, committed, spent and free; allocations; commitments per enrolment",
    projections: [budget.overview, budget.allocation, budget.commitment],
    params: ['fiscal_year', 'opd'],
    views: [
      {
        name: 'budgets',
        key: ['budget_id'],
        sql: `select budget_id, fiscal_year, opd, funding_source, ceiling, allocated, committed, spent, allocated - committed - spent as free,
                     round((committed + spent)::numeric / nullif(allocated, 0), 4) as utilisation, rejections, status, closed_at
                from budget_overview where ($1::int is null or fiscal_year = $1) and ($2::text is null or opd = $2)`,
      },
      {
        name: 'allocations',
        key: ['budget_id', 'allocation_id'],
        sql: `select a.*, a.amount - a.committed - a.spent as free from budget_allocation a join budget_overview b using (budget_id)
               where ($1::int is null or b.fiscal_year = $1) and ($2::text is null or b.opd = $2)`,
      },
      {
        name: 'commitments',
        key: ['enrolment_id'],
        sql: `select c.* from budget_commitment c left join budget_overview b using (budget_id)
               where ($1::int is null or b.fiscal_year = $1) and ($2::text is null or c.opd = $2)`,
      },
    ],
  }),
  readModel({
    name: 'unit-survey',
    service: 'feedback',
    description:
      "service units, their citizens' SKM responses and the IKM each closed period published (the scorecard's survey side)",
    ...surveySide,
  }),
  readModel({
    name: 'staff-training-copy',
    service: 'feedback',
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
      { name: 'assessment-results', key: ['assessment_id'], sql: 'select * from fb_assessment_result' },
      { name: 'spend', key: ['event_id'], sql: 'select * from fb_training_spend' },
    ],
  }),
  // Figures the feedback service computes on request over both halves: replayed, then its own query runs.
  readModel({
    name: 'unit-scorecard',
    service: 'feedback',
    description:
      "a unit's scorecard for a period (IKM, NRR per element, grade, sample target; its staff's training; the published IKM), as GET /service-units/:unitCode/scorecard answers",
    ...surveySide,
    ...trainingSide,
    params: ['unitCode', 'period'],
    render: unitScorecard,
  }),
  readModel({
    name: 'correlation-report',
    service: 'feedback',
    description:
      'training measures against IKM per unit and period: correlations, programme effects, trained vs untrained staff, as GET /correlation-report answers (JSON)',
    ...surveySide,
    ...trainingSide,
    params: ['from', 'to', 'opd', 'kind', 'adequateOnly'],
    render: correlationReport,
  }),
];

module.exports = { READ_MODELS };
