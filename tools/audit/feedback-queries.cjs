'use strict';
// The feedback service's own HTTP queries, run by `audit replay` over a replay schema: the unit
// scorecard (GET /service-units/:unitCode/scorecard) and the correlation report (GET /correlation-report).
//
// Nothing of them is copied: the compiled controller (its defaults, e.g. "the current quarter",
// and its checks), query handler and readers are loaded from dist/ and built by hand, with the
// transport swapped out — the query bus by the one handler, the clock by the cut-off, and the
// service's DataSource by the replay's snapshot (whose search_path finds the replayed tables). The
// query string goes through the service's own validation pipe and DTO, as an HTTP request would.
const { load } = require('./load-dist.cjs');

const scorecard = {
  controller: load(
    'feedback',
    'queries/get-unit-scorecard/get-unit-scorecard.http.controller.js',
    'GetUnitScorecardController',
  ),
  handler: load('feedback', 'queries/get-unit-scorecard/get-unit-scorecard.handler.js', 'GetUnitScorecardHandler'),
};
const report = {
  controller: load(
    'feedback',
    'queries/get-correlation-report/get-correlation-report.http.controller.js',
    'GetCorrelationReportController',
  ),
  handler: load(
    'feedback',
    'queries/get-correlation-report/get-correlation-report.handler.js',
    'GetCorrelationReportHandler',
  ),
  builder: load('feedback', 'correlation/correlation-report.builder.js', 'CorrelationReportBuilder'),
};
const factsReader = load('feedback', 'correlation/unit-period-facts.reader.js', 'UnitPeriodFactsReader');

const busOf = (handler) => ({ execute: (query) => handler.execute(query) });
const clockAt = (asOf) => ({ now: () => new Date(asOf) });

/** The query string as the service's ValidationPipe hands it to the controller (whitelisted, transformed). */
async function validQuery(params, dtoName) {
  const { validationPipe } = require('@kompeten/platform');
  const metatype = require('@kompeten/api')[dtoName];
  return validationPipe().transform({ ...params }, { type: 'query', metatype, data: undefined });
}

/**
 * The service's refusals become the CLI's: a 400 names the parameter, a 404 (say, a unit not yet
 * registered at the cut-off) says what the service would have answered then.
 */
async function asTheServiceAnswers(asOf, query) {
  const { UsageError } = require('@kompeten/audit');
  try {
    return await query();
  } catch (e) {
    const status = typeof e.getStatus === 'function' ? e.getStatus() : e.status;
    if (status === 400) {
      const errors = e.getResponse?.().errors ?? [{ field: '?', message: e.message }];
      throw new UsageError(errors.map((x) => `--param ${x.field}: ${x.message}`).join('; '));
    }
    if (typeof status === 'number')
      throw new UsageError(`as of ${asOf} the feedback service would have answered ${status}: ${e.message}`);
    throw e;
  }
}

const unitScorecard = {
  name: 'scorecard',
  run: (db, { params: { unitCode, ...query }, asOf }) =>
    asTheServiceAnswers(asOf, async () => {
      const { UsageError } = require('@kompeten/audit');
      if (!unitCode) throw new UsageError('say which unit: --param unitCode=<code>');
      const Handler = scorecard.handler();
      const controller = new (scorecard.controller())(busOf(new Handler(db, new (factsReader())(db))), clockAt(asOf));
      return controller.scorecard(unitCode, await validQuery(query, 'PeriodQueryRequest'));
    }),
};

const correlationReport = {
  name: 'report',
  run: (db, { params, asOf }) =>
    asTheServiceAnswers(asOf, async () => {
      const builder = new (report.builder())(db, new (factsReader())(db));
      const controller = new (report.controller())(busOf(new (report.handler())(builder)), clockAt(asOf));
      // JSON only (the catalogue offers no `format`), so the response object is never used.
      return controller.report(await validQuery(params, 'GetCorrelationReportRequest'), undefined);
    }),
};

module.exports = { unitScorecard, correlationReport };
