import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemDetailsDto } from '@kompeten/api';
import { eventually, httpOf } from '@kompeten/testing';
import type { CorrelationReport } from '../src/correlation/correlation-report.builder';
import type { UnitScorecardView as UnitScorecard } from '../src/queries/get-unit-scorecard/get-unit-scorecard.handler';
import dataset from './fixtures/correlation-dataset.json';
import { ForeignEvent, foreignServices } from './foreign-events';
import { nipsForRun, runTag, scoresOf, startFeedbackApp, unitBody } from './feedback-app';

// A known data set (fixtures/correlation-dataset.json: 8 puskesmas, 24 staff, a transfer, a departure,
// 9 completions of 3 programmes, 16 assessments, 9 expenditures, 96 survey responses) goes in the
// way production data does: enrolment, assessment and budget events through the real broker in the
// real wire format, survey responses through HTTP. Every figure of the report is then checked against
// values computed independently with NumPy 2.4 / SciPy 1.17.1 by fixtures/expected-figures.py
// (scipy.stats.pearsonr with its Fisher-z confidence_interval, scipy.stats.spearmanr, and
// scipy.stats.ttest_ind(equal_var=False) with its confidence_interval) and pasted below.

// [measure, outcome, n, pearson r, lo, hi, p, spearman ρ, lo, hi, p] — 2026-Q3, one observation per unit
const CORRELATIONS: [string, string, number, number, number, number, number, number, number, number, number][] = [
  [
    'share20Jp',
    'ikm',
    8,
    0.5539166032874145,
    -0.24727530268874978,
    0.9052451576870202,
    0.15429493789581047,
    0.6037034299432968,
    -0.20071856625839085,
    0.9218773998086794,
    0.11301551067867749,
  ],
  [
    'share20Jp',
    'u6',
    8,
    0.517587363608106,
    -0.2944976260189293,
    0.8956060673304052,
    0.18891866185350062,
    0.5484803517014367,
    -0.278661206639074,
    0.9084604298255438,
    0.1592351297060297,
  ],
  [
    'share20Jp',
    'u7',
    8,
    0.7248116446262908,
    0.04116285731148155,
    0.9462053321916798,
    0.04193810456348138,
    0.5310661446562,
    -0.30117039727941824,
    0.9040698201025068,
    0.17563184028956416,
  ],
  [
    'jpPerStaff',
    'ikm',
    8,
    0.6630697467873765,
    -0.07809098230041268,
    0.9321827854191298,
    0.07308719357016395,
    0.7579691597093339,
    0.08875533542020725,
    0.9557087048503746,
    0.02932216999563878,
  ],
  [
    'jpPerStaff',
    'u6',
    8,
    0.5677922680888605,
    -0.2281754447581746,
    0.9088337054483265,
    0.1420714482685439,
    0.6320715773801681,
    -0.15628529318861803,
    0.9284853153922231,
    0.09268569072092894,
  ],
  [
    'jpPerStaff',
    'u7',
    8,
    0.752368656915838,
    0.10151781869694769,
    0.9522065805868051,
    0.031261304802937165,
    0.6019375109787457,
    -0.20337927729903135,
    0.9214598455775286,
    0.11435739651138915,
  ],
  [
    'meanPostAssessmentGain',
    'ikm',
    4,
    0.7198639327210756,
    -0.7828157010485609,
    0.9935568169505679,
    0.28013606727892437,
    0.19999999999999998,
    -0.9483550214555027,
    0.976712599170164,
    0.8,
  ],
  [
    'meanPostAssessmentGain',
    'u6',
    4,
    0.9939123761133185,
    0.7333023676849371,
    0.9998788447206378,
    0.0060876238866813814,
    0.9486832980505139,
    -0.19685627119377264,
    0.9990697189763761,
    0.05131670194948613,
  ],
  [
    'meanPostAssessmentGain',
    'u7',
    4,
    0.3539961627023944,
    -0.9201430296925963,
    0.9812434729985394,
    0.6460038372976056,
    0.316227766016838,
    -0.9342053012068132,
    0.9818067426793983,
    0.683772233983162,
  ],
  [
    'spendPerStaff',
    'ikm',
    8,
    0.6668179408854732,
    -0.07140948876255587,
    0.9330577262202356,
    0.070900143152026,
    0.7783499985781149,
    0.13785234199675767,
    0.9598189567814628,
    0.022898512965190892,
  ],
  [
    'spendPerStaff',
    'u6',
    8,
    0.5723388710300474,
    -0.2217808850082975,
    0.909998678060699,
    0.13818700976456308,
    0.6931807028680189,
    -0.04834489845449076,
    0.9421094317797123,
    0.05661187508463616,
  ],
  [
    'spendPerStaff',
    'u7',
    8,
    0.7557744961084722,
    0.10932543077205788,
    0.9529377302577078,
    0.030072964929434887,
    0.6368471750147946,
    -0.1484776980413505,
    0.9295795593928602,
    0.08948937611340986,
  ],
];
// The unit-period rows behind them (same script): [unit, headcount, share20Jp, jpPerStaff, meanGain, spendPerStaff, ikm, u6, u7]
const ROWS: [string, number, number, number, number | null, number, number, number, number][] = [
  ['U1', 3, 1.0, 24.0, 1.3333333333333333, 1500000.0, 81.94444444444444, 3.1666666666666665, 3.6666666666666665],
  ['U2', 2, 0.5, 12.0, 2.0, 750000.0, 79.16666666666667, 3.5, 3.0],
  [
    'U3',
    3,
    0.3333333333333333,
    12.0,
    0.5,
    733333.3333333334,
    73.14814814814815,
    2.6666666666666665,
    2.6666666666666665,
  ],
  ['U4', 3, 0.0, 8.0, 1.5, 500000.0, 81.01851851851852, 3.1666666666666665, 3.0],
  ['U5', 3, 0.0, 0.0, null, 0.0, 71.75925925925925, 3.0, 2.1666666666666665],
  ['U6', 4, 0.0, 0.0, null, 0.0, 78.24074074074075, 2.6666666666666665, 3.0],
  ['U7', 3, 0.0, 0.0, null, 0.0, 68.05555555555556, 2.6666666666666665, 2.8333333333333335],
  ['U8', 2, 0.0, 0.0, null, 0.0, 71.75925925925925, 2.5, 2.3333333333333335],
];
// Difference-in-differences, pre 2026-Q1 / post 2026-Q3:
// [programme, treated, control, estimate, lo, hi, p, Welch df, spend, cost per IKM point, cost CI]
const EFFECTS: [
  string,
  string[],
  string[],
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  [number, number],
][] = [
  [
    'KOM',
    ['U1', 'U2', 'U3'],
    ['U5', 'U6', 'U7', 'U8'],
    6.828703703703706,
    1.6003240920871322,
    12.05708331532028,
    0.021337561135107503,
    4.388662536435796,
    7450000,
    363661.0169491524,
    [205964.68220285888, 1551769.010797423],
  ],
  [
    'PEL',
    ['U3', 'U4'],
    ['U5', 'U6', 'U7', 'U8'],
    5.671296296296301,
    0.45801997881056966,
    10.884572613782034,
    0.040167891194162496,
    3.2499842181680543,
    2250000,
    198367.34693877533,
    [103357.29659936544, 2456224.732644869],
  ],
];
// Trained vs untrained staff named in 2026-Q3 responses: [outcome, trained staff, untrained staff, trained mean, untrained mean, difference, lo, hi, p]
const STAFF: [string, number, number, number, number, number, number, number, number][] = [
  [
    'ikm',
    6,
    6,
    77.77777777777779,
    72.22222222222223,
    5.555555555555557,
    -4.134064849172448,
    15.245175960283563,
    0.22792533049609387,
  ],
  [
    'u6',
    6,
    6,
    3.1666666666666665,
    2.8333333333333335,
    0.33333333333333304,
    -0.8939577077219636,
    1.5606243743886297,
    0.5333583047332028,
  ],
  [
    'u7',
    6,
    6,
    3.3333333333333335,
    2.1666666666666665,
    1.166666666666667,
    0.15556690985337607,
    2.177766423479958,
    0.027869708332888068,
  ],
];

const DIGITS = 9;
/**
 * Intervals and p-values from Student t with fractional (Welch) degrees of freedom: jStat's t
 * distribution agrees with SciPy's to about 1e-8 there, so these are compared to 7 significant digits.
 */
const closeTo7 = (got: number, want: number) =>
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(want)));

describe('the correlation report, from a known data set through Kafka and HTTP', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let foreign: Awaited<ReturnType<typeof foreignServices>>;
  const http = () => httpOf(app);
  const tag = runTag();
  const unit = (u: string) => `FB${tag}-${u}`;
  const fromUnit = (code: string) => code.replace(`FB${tag}-`, '');
  const nipOf = nipsForRun();
  const nip = (staff: string) => nipOf(staff === 'UNKNOWN' ? 999 : Number(staff.slice(1)));
  const programme = (p: string) => `${p.toLowerCase()}-${tag.toLowerCase()}`;
  let report: CorrelationReport;

  beforeAll(async () => {
    ({ app, stop } = await startFeedbackApp());
    foreign = await foreignServices();
    for (const u of dataset.units)
      await http()
        .post('/service-units')
        .send(unitBody(unit(u.code), { annualServiceUsers: u.annualServiceUsers }))
        .expect(201);
    await foreign.publish(foreignEvents());
    for (const r of dataset.responses) {
      await http()
        .post('/survey-responses')
        .send({
          submissionId: randomUUID(),
          unitCode: unit(r.unit),
          serviceCode: 'POLI-UMUM',
          servedOn: r.on,
          scores: scoresOf(r.scores),
          ...(r.servedBy ? { servedBy: nip(r.servedBy) } : {}),
          channel: 'qr',
        })
        .expect(201);
    }
    await everythingArrived();
    report = (await http().get('/correlation-report').query({ from: '2026-Q3', to: '2026-Q3' }).expect(200))
      .body as CorrelationReport;
  }, 90_000);
  afterAll(async () => {
    await foreign.stop();
    await stop();
  });

  function foreignEvents(): ForeignEvent[] {
    const at = (day: string) => new Date(`${day}T03:00:00.000Z`); // 10:00 WIB
    const staffUnit = Object.fromEntries(dataset.staff.map((s) => [s.id, s.unit]));
    const events: ForeignEvent[] = dataset.staff.map((s) => ({
      service: 'enrolment',
      streamId: `staff-${nip(s.id)}`,
      type: 'StaffRegistered',
      schemaVersion: 1, // written as the enrolment service wrote it before positionSince: read upcast
      data: {
        nip: nip(s.id),
        name: null,
        employmentType: 'PNS',
        workUnit: { opd: 'DINKES', serviceUnit: unit(s.unit) },
        position: 'Perawat',
        registeredOn: dataset.registeredOn,
      },
    }));
    for (const t of dataset.transfers)
      events.push({
        service: 'enrolment',
        streamId: `staff-${nip(t.staff)}`,
        type: 'StaffTransferred',
        data: {
          nip: nip(t.staff),
          from: { opd: 'DINKES', serviceUnit: unit(staffUnit[t.staff]) },
          to: { opd: 'DINKES', serviceUnit: unit(t.to) },
          position: 'Perawat',
          effectiveOn: t.on,
        },
      });
    for (const d of dataset.departures)
      events.push({
        service: 'enrolment',
        streamId: `staff-${nip(d.staff)}`,
        type: 'StaffLeft',
        data: { nip: nip(d.staff), reason: 'resigned', effectiveOn: d.on },
      });
    dataset.completions.forEach((c, i) => {
      const enrolmentId = `${tag}-e${i}`;
      events.push({
        service: 'enrolment',
        streamId: `programme-${programme(c.programme)}`,
        type: 'TrainingCompleted',
        schemaVersion: 1, // before attendanceOverride: read upcast
        occurredAt: at(c.on),
        data: {
          enrolmentId,
          programmeId: programme(c.programme),
          nip: nip(c.staff),
          jp: c.jp,
          year: Number(c.on.slice(0, 4)),
          completedOn: c.on,
          competencyType: c.type,
          competencyArea: c.area,
          workUnit: { opd: 'DINKES', serviceUnit: unit(c.unit) },
          fundingOpd: 'DINKES',
          costPerParticipant: c.cost,
        },
      });
      events.push({
        service: 'budget',
        streamId: `budget-2026-DINKES-APBD-${tag}`,
        type: 'ExpenditureRecorded',
        occurredAt: at(c.on),
        data: {
          budgetId: `b-${tag}`,
          allocationId: 'a',
          commitmentId: `c-${i}`,
          enrolmentId,
          programmeId: programme(c.programme),
          nip: nip(c.staff),
          committed: c.cost,
          amount: c.amount,
          jp: c.jp,
        },
      });
    });
    dataset.assessments.forEach((a, i) =>
      events.push({
        service: 'assessment',
        streamId: `assessment-record-${nip(a.staff)}`,
        type: 'AssessmentRecorded',
        data: {
          assessmentId: `${tag}-a${i}`,
          nip: nip(a.staff),
          kind: a.kind,
          competencyCode: 'KOM',
          enrolmentId: null,
          programmeId: programme(a.programme),
          assessor: 'user:assessor',
          method: 'observation',
          score: a.level,
          level: a.level,
          assessedOn: a.on,
          dueOn: a.on,
          late: false,
          learningGain: a.gain,
        },
      }),
    );
    return events;
  }

  async function everythingArrived() {
    const db = app.get(DataSource);
    const nips = dataset.staff.map((s) => nip(s.id));
    // count(*) is a bigint: pg hands it over as a string.
    const count = async (sql: string) => Number((await db.query<{ n: string }[]>(sql, [nips]))[0].n);
    await eventually(
      async () => {
        const arrived = [
          (await count('select count(*) as n from fb_staff where nip = any($1)')) === 24,
          (await count(`select count(*) as n from fb_staff_assignment where nip = any($1) and to_date is not null`)) ===
            2, // the transfer and the departure
          (await count('select count(*) as n from fb_training_completion where nip = any($1)')) ===
            dataset.completions.length,
          (await count('select count(*) as n from fb_assessment_result where nip = any($1)')) ===
            dataset.assessments.length,
          (await count('select count(*) as n from fb_training_spend where nip = any($1)')) ===
            dataset.completions.length,
          Number(
            (
              await db.query<{ n: string }[]>(`select count(*) as n from survey_responses where unit_code like $1`, [
                `FB${tag}-%`,
              ])
            )[0].n,
          ) === dataset.responses.length,
        ];
        return arrived.every(Boolean) ? true : undefined;
      },
      60_000,
      250,
    );
  }

  it('builds one row per unit with its IKM and its staff’s training (n = 8 units)', () => {
    expect(report).toMatchObject({
      granularity: 'quarter',
      from: '2026-Q3',
      to: '2026-Q3',
      observations: 8,
      units: 8,
      observationsBelowSampleTarget: 7,
    });
    for (const [u, headcount, share, jp, gain, spend, ikm, u6, u7] of ROWS) {
      const row = report.rows.find((r) => r.unitCode === unit(u))!;
      // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
      expect(row.training).toMatchObject({ headcount, gainN: gain === null ? 0 : (expect.any(Number) as unknown) });
      expect(row.training.share20Jp).toBeCloseTo(share, DIGITS);
      expect(row.training.jpPerStaff).toBeCloseTo(jp, DIGITS);
      expect(row.training.spendPerStaff).toBeCloseTo(spend, 4);
      if (gain === null) expect(row.training.meanPostAssessmentGain).toBeNull();
      else expect(row.training.meanPostAssessmentGain).toBeCloseTo(gain, DIGITS);
      expect(row.survey.ikm).toBeCloseTo(ikm, DIGITS);
      expect(row.survey.nrr!.u6).toBeCloseTo(u6, DIGITS);
      expect(row.survey.nrr!.u7).toBeCloseTo(u7, DIGITS);
      expect(row.survey.responses).toBe(6);
    }
    // U8 serves 24 people a year: 6 a quarter, all of whom answered; the others needed 80 of 100.
    expect(report.rows.find((r) => r.unitCode === unit('U8'))!.survey).toMatchObject({
      sampleTarget: 6,
      sampleAdequate: true,
    });
  });

  it('gives Pearson and Spearman of every training measure with IKM, u6 and u7 — n, 95% CI, p — as SciPy does', () => {
    expect(report.correlations).toHaveLength(CORRELATIONS.length);
    for (const [measure, outcome, n, r, rLo, rHi, rP, rho, rhoLo, rhoHi, rhoP] of CORRELATIONS) {
      const c = report.correlations.find((x) => x.measure === measure && x.outcome === outcome)!;
      expect({ measure, outcome, n: c.n, pn: c.pearson.n, sn: c.spearman.n }).toEqual({
        measure,
        outcome,
        n,
        pn: n,
        sn: n,
      });
      const figures: [number | null, number][] = [
        [c.pearson.estimate, r],
        [c.pearson.ci95![0], rLo],
        [c.pearson.ci95![1], rHi],
        [c.pearson.pValue, rP],
        [c.spearman.estimate, rho],
        [c.spearman.ci95![0], rhoLo],
        [c.spearman.ci95![1], rhoHi],
        [c.spearman.pValue, rhoP],
      ];
      for (const [got, want] of figures) {
        expect(got).toBeCloseTo(want, DIGITS);
      }
    }
  });

  it('marks every figure from fewer than 10 observations as a small sample, and says why', () => {
    const statuses = new Set(report.correlations.flatMap((c) => [c.pearson.status, c.spearman.status]));
    expect([...statuses]).toEqual(['small-sample']);
    expect(report.notes.join(' ')).toMatch(/Only 8 unit-periods/);
    expect(report.statement).toMatch(/association, not causation/);
    expect(report.correlations.find((c) => c.measure === 'share20Jp')!.belowSampleTarget).toBe(7);
  });

  it('estimates each programme’s difference-in-differences against untrained units, with n per group and a Welch interval', () => {
    expect(report.programmeEffects.map((e) => e.programmeId).sort()).toEqual([programme('KOM'), programme('PEL')]);
    for (const [p, treated, control, estimate, lo, hi, pValue, df, spend, cost, costCi] of EFFECTS) {
      const e = report.programmeEffects.find((x) => x.programmeId === programme(p))!;
      expect(e.window).toMatchObject({ pre: '2026-Q1', post: '2026-Q3' });
      expect(e.treated.units.map(fromUnit).sort()).toEqual(treated);
      expect(e.control.units.map(fromUnit).sort()).toEqual(control);
      expect({ nTreated: e.treated.n, nControl: e.control.n, status: e.status }).toEqual({
        nTreated: treated.length,
        nControl: control.length,
        status: 'small-sample',
      });
      expect(e.estimate).toBeCloseTo(estimate, DIGITS);
      closeTo7(e.ci95![0], lo);
      closeTo7(e.ci95![1], hi);
      closeTo7(e.pValue!, pValue);
      expect(e.degreesOfFreedom).toBeCloseTo(df, DIGITS);
      expect(e.assumption).toMatch(/[Pp]arallel trends/);
      // Cost per IKM point: spend / (estimate × treated units), its interval from the estimate's.
      expect(e.spend).toBe(spend);
      expect(e.costPerIkmPoint.value).toBeCloseTo(cost, 4);
      closeTo7(e.costPerIkmPoint.ci95![0], costCi[0]);
      closeTo7(e.costPerIkmPoint.ci95![1], costCi[1]);
    }
  });

  it('compares trained with untrained staff where responses name who served, per staff member', () => {
    const s = report.staffComparison;
    expect(s).toMatchObject({ responsesNamingStaff: 13, responsesNamingUnknownStaff: 1 });
    for (const [outcome, nTrained, nUntrained, trainedMean, untrainedMean, difference, lo, hi, p] of STAFF) {
      const o = s.outcomes.find((x) => x.outcome === outcome)!;
      expect({ outcome, a: o.trained.staff, b: o.untrained.staff, status: o.status }).toEqual({
        outcome,
        a: nTrained,
        b: nUntrained,
        status: 'small-sample',
      });
      const figures: [number | null, number][] = [
        [o.trained.mean, trainedMean],
        [o.untrained.mean, untrainedMean],
        [o.difference, difference],
      ];
      for (const [got, want] of figures) {
        expect(got).toBeCloseTo(want, DIGITS);
      }
      closeTo7(o.pValue!, p);
      closeTo7(o.ci95![0], lo);
      closeTo7(o.ci95![1], hi);
    }
  });

  it('gives the same figures as CSV, each with its n and status', async () => {
    const res = await http()
      .get('/correlation-report')
      .query({ from: '2026-Q3', to: '2026-Q3', format: 'csv' })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('section,subject,outcome,method,estimate,n,n_a,n_b,ci95_low,ci95_high,p_value,status');
    const row = lines.find((l) => l.startsWith('correlation,jpPerStaff,ikm,pearson,'))!.split(',');
    expect(Number(row[4])).toBeCloseTo(CORRELATIONS[3][3], DIGITS);
    expect(row.slice(5)).toEqual([
      '8',
      '',
      '',
      expect.any(String),
      expect.any(String),
      expect.any(String),
      'small-sample',
    ]);
    expect(lines.filter((l) => l.startsWith('difference-in-differences,'))).toHaveLength(2);
    const observations = await http()
      .get('/correlation-report')
      .query({ from: '2026-Q3', format: 'csv', table: 'observations' })
      .expect(200);
    expect(observations.text.trim().split('\r\n')).toHaveLength(9);
  });

  it('counts unit-periods, not units, over several periods — and says they are not independent', async () => {
    const wide = (await http().get('/correlation-report').query({ from: '2026-Q1', to: '2026-Q3' }).expect(200))
      .body as CorrelationReport;
    expect(wide).toMatchObject({ periods: ['2026-Q1', '2026-Q2', '2026-Q3'], observations: 16, units: 8 });
    expect(wide.notes.join(' ')).toMatch(/16 observations come from 8 units/);
    // In 2026-Q1 nobody had trained yet: the share with ≥ 20 JP is 0 everywhere, so Q1 alone gives no correlation.
    const q1 = (await http().get('/correlation-report').query({ from: '2026-Q1' }).expect(200))
      .body as CorrelationReport;
    expect(q1.correlations.find((c) => c.measure === 'share20Jp' && c.outcome === 'ikm')!.pearson).toMatchObject({
      n: 8,
      estimate: null,
      status: 'no-variation',
    });
  });

  it('shows a unit’s staff on the period’s last day, with their JP in the 12 months to it', async () => {
    const card = (
      await http()
        .get(`/service-units/${unit('U2')}/scorecard`)
        .query({ period: '2026-Q3' })
        .expect(200)
    ).body as UnitScorecard;
    // S6 moved to U6 on 2026-08-01: U2 keeps S4 (24 JP of KOM) and S5.
    expect(card.training.staff).toEqual([
      { nip: nip('S4'), jp: 24, meets20Jp: true },
      { nip: nip('S5'), jp: 0, meets20Jp: false },
    ]);
    expect(card.training).toMatchObject({
      headcount: 2,
      staffWith20Jp: 1,
      completionsByArea: { 'komunikasi-pelayanan': 1 },
    });
  });

  it('refuses a range that mixes granularities or runs backwards', async () => {
    expect(
      (
        (await http().get('/correlation-report').query({ from: '2026-Q1', to: '2026-09' }).expect(400))
          .body as ProblemDetailsDto
      ).errors![0].field,
    ).toBe('to');
    expect(
      (
        (await http().get('/correlation-report').query({ from: '2026-Q3', to: '2026-Q1' }).expect(400))
          .body as ProblemDetailsDto
      ).errors![0].field,
    ).toBe('to');
    expect(
      ((await http().get('/correlation-report').query({ from: 'Q3' }).expect(400)).body as ProblemDetailsDto).errors![0]
        .field,
    ).toBe('from');
  });
});
