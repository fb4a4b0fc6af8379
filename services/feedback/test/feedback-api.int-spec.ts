import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { CommandAcceptedBody as CommandAccepted, ProblemDetailsDto } from '@kompeten/api';
import { addDays, CityCalendar } from '@kompeten/domain';
import { EventStore, PostgresKeyStore } from '@kompeten/event-store';
import { Clock } from '@kompeten/platform';
import { eventually, httpOf } from '@kompeten/testing';
import type { LeagueTable } from '../src/queries/get-league-table/get-league-table.handler';
import type { UnitScorecardView as UnitScorecard } from '../src/queries/get-unit-scorecard/get-unit-scorecard.handler';
import type { SurveyResponseList } from '../src/queries/list-survey-responses/list-survey-responses.handler';
import { nipsForRun, responseBody, runTag, scoresOf, startFeedbackApp, unitBody } from './feedback-app';

interface OpenApiDocument {
  paths: Record<string, unknown>;
}

describe('the feedback service over HTTP', () => {
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  const http = () => httpOf(app);
  const tag = runTag();
  const UNIT = `PKM-${tag}`;
  const nip = nipsForRun();

  beforeAll(async () => {
    ({ app, stop } = await startFeedbackApp());
    store = app.get(EventStore);
    await http().post('/service-units').send(unitBody(UNIT)).expect(201);
  });
  afterAll(() => stop());

  describe('service units', () => {
    it('registers a unit and answers with the stream version as ETag; a second registration is a 409', async () => {
      const res = await http()
        .post('/service-units')
        .set('x-actor', 'user:bkpsdm')
        .send(unitBody(`${UNIT}-B`))
        .expect(201);
      expect(res.body).toEqual({ streamId: `service-unit-${UNIT}-B`, version: 1, events: ['ServiceUnitRegistered'] });
      expect(res.headers.etag).toBe('"1"');
      await http()
        .post('/service-units')
        .send(unitBody(`${UNIT}-B`))
        .expect(409);
    });

    it('refuses duplicate service codes and a zero population, naming the field', async () => {
      const twice = unitBody(`${UNIT}-C`, {
        services: [
          { code: 'A1', name: 'Satu' },
          { code: 'A1', name: 'Dua' },
        ],
      });
      expect(((await http().post('/service-units').send(twice).expect(400)).body as ProblemDetailsDto).errors).toEqual([
        // @types/jest types the asymmetric matchers `any`; as `unknown` they stand in for a value without it.
        { field: 'services', message: expect.any(String) as unknown },
      ]);
      const none = (
        await http()
          .post('/service-units')
          .send(unitBody(`${UNIT}-C`, { annualServiceUsers: 0 }))
          .expect(400)
      ).body as ProblemDetailsDto;
      expect(none.errors?.map((e) => e.field)).toEqual(['annualServiceUsers']);
    });

    it('revises a unit with If-Match, refusing a stale one with 409', async () => {
      await http()
        .post(`/service-units/${UNIT}-B/revisions`)
        .set('If-Match', '"1"')
        .send({ annualServiceUsers: 1000 })
        .expect(201);
      await http()
        .post(`/service-units/${UNIT}-B/revisions`)
        .set('If-Match', '"1"')
        .send({ annualServiceUsers: 2000 })
        .expect(409);
    });
  });

  describe('survey responses', () => {
    it('records a response once however often the kiosk sends it', async () => {
      const body = responseBody(randomUUID(), UNIT, { comment: 'Perawatnya ramah sekali', contact: '0812-0000-1111' });
      const first = await http().post('/survey-responses').send(body).expect(201);
      expect((first.body as CommandAccepted).events).toEqual(['SurveyResponseSubmitted']);
      const again = await http().post('/survey-responses').send(body).expect(200);
      expect(again.body).toMatchObject({ version: 1, events: [] });
      expect(await store.readStream(`survey-response-${body.submissionId}`)).toHaveLength(1);
    });

    const tomorrow = () => addDays(app.get(CityCalendar).dateOf(app.get(Clock).now()), 1);
    it.each([
      ['a score outside 1..4', () => ({ scores: { ...scoresOf('333333333'), u6: 5 } }), 'scores.u6'],
      [
        'a missing element',
        () => ({ scores: { u1: 3, u2: 3, u3: 3, u4: 3, u5: 3, u6: 3, u7: 3, u8: 3 } }),
        'scores.u9',
      ],
      ['no scores at all', () => ({ scores: undefined }), 'scores'],
      ['an unknown unit', () => ({ unitCode: 'PKM-NOWHERE' }), 'unitCode'],
      ['a service the unit does not offer', () => ({ serviceCode: 'IGD' }), 'serviceCode'],
      ['a date in the future', () => ({ servedOn: tomorrow() }), 'servedOn'],
      ['a date that does not exist', () => ({ servedOn: '2026-02-30' }), 'servedOn'],
      ['an oversized comment', () => ({ comment: 'x'.repeat(2001) }), 'comment'],
      ['a malformed NIP for the staff who served', () => ({ servedBy: '19860926201505300' }), 'servedBy'],
    ])('refuses %s with a 400 naming the field, appending nothing', async (_, over, field) => {
      const before = await store.head();
      const res = await http()
        .post('/survey-responses')
        .send(responseBody(randomUUID(), UNIT, over()))
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((res.body as ProblemDetailsDto).errors?.map((e) => e.field)).toContain(field);
      expect(await store.head()).toEqual(before);
    });

    it('seals the comment and contact in the log and shows them only when asked, and as null after erasure', async () => {
      const id = randomUUID();
      await http()
        .post('/survey-responses')
        .send(
          responseBody(id, UNIT, {
            servedOn: '2026-03-02',
            comment: 'Antrian terlalu lama',
            contact: 'warga@example.id',
            servedBy: nip(1),
          }),
        )
        .expect(201);
      const [record] = (await store.readRecords(0, 10_000)).filter((r) => r.streamId === `survey-response-${id}`);
      expect(JSON.stringify(record.payload)).not.toContain('Antrian');
      expect((record.payload as Record<string, unknown>).comment).toHaveProperty('$personal');

      const list = async (includePersonal: boolean) =>
        (
          await eventually(async () => {
            const r = (
              await http()
                .get(`/service-units/${UNIT}/responses`)
                .query({ period: '2026-03', includePersonal })
                .expect(200)
            ).body as SurveyResponseList;
            return r.items.some((i) => i.submissionId === id) ? r : undefined;
          })
        ).items.find((i) => i.submissionId === id);
      const hidden = await list(false);
      expect(hidden).toMatchObject({ hasComment: true, servedBy: nip(1) });
      expect(hidden).not.toHaveProperty('comment');
      expect(await list(true)).toMatchObject({
        comment: 'Antrian terlalu lama',
        contact: 'warga@example.id',
        erased: [],
      });

      await app.get(PostgresKeyStore).erase(`respondent:${id}`);
      expect(await list(true)).toMatchObject({ comment: null, contact: null, erased: ['comment', 'contact'] });
    });
  });

  describe('IKM per unit and period', () => {
    // Four responses in 2026-01 (the worked example of ikm.spec.ts): NRR sum 30 → IKM 83.33, B.
    // A fifth, all 1s, is voided and must not count.
    const unit = `${UNIT}-IKM`;
    beforeAll(async () => {
      await http()
        .post('/service-units')
        .send(unitBody(unit, { annualServiceUsers: 1200 }))
        .expect(201);
      for (const digits of ['443434433', '333433333', '432434423', '333443434']) {
        await http()
          .post('/survey-responses')
          .send(responseBody(randomUUID(), unit, { servedOn: '2026-01-15', scores: scoresOf(digits) }))
          .expect(201);
      }
      const spam = randomUUID();
      await http()
        .post('/survey-responses')
        .send(responseBody(spam, unit, { servedOn: '2026-01-16', scores: scoresOf('111111111') }))
        .expect(201);
      await http().post(`/survey-responses/${spam}/rejection`).send({ reason: 'spam' }).expect(201);
      await http().post(`/survey-responses/${randomUUID()}/rejection`).send({ reason: 'spam' }).expect(404);
    });

    it('gives NRR per element, the IKM with exactly 1/9, its grade and the Krejcie–Morgan target', async () => {
      const card = await eventually(async () => {
        const r = (await http().get(`/service-units/${unit}/scorecard`).query({ period: '2026-01' }).expect(200))
          .body as UnitScorecard;
        return r.survey.responses === 4 ? r : undefined;
      });
      expect(card.survey).toMatchObject({
        responses: 4,
        ikmRounded: 83.33,
        grade: 'B',
        gradeLabel: 'Baik',
        population: 100,
        sampleTarget: 80,
        sampleAdequate: false,
      });
      expect(card.survey.ikm).toBeCloseTo(83.3333333, 6);
      expect(card.survey.elements.find((e) => e.element === 'u7')).toEqual({
        element: 'u7',
        name: 'Perilaku pelaksana',
        nrr: 3.75,
        focus: true,
      });
      // Same responses over the year: N = 1200 → target 291, the published table's row (291.15 rounded to nearest, not up).
      const year = (await http().get(`/service-units/${unit}/scorecard`).query({ period: '2026' }).expect(200))
        .body as UnitScorecard;
      expect(year.survey).toMatchObject({ responses: 4, population: 1200, sampleTarget: 291 });
    });

    it('ranks only units whose sample reaches the target, listing the others with the reason', async () => {
      const tiny = `${UNIT}-TINY`;
      await http()
        .post('/service-units')
        .send(unitBody(tiny, { annualServiceUsers: 12 }))
        .expect(201); // a month: N = 1 → 1 response
      await http()
        .post('/survey-responses')
        .send(responseBody(randomUUID(), tiny, { servedOn: '2026-01-20', scores: scoresOf('222222222') }))
        .expect(201);
      const table = await eventually(async () => {
        const r = (await http().get('/league-table').query({ period: '2026-01' }).expect(200)).body as LeagueTable;
        return r.units.some((u) => u.unitCode === tiny && u.responses === 1) ? r : undefined;
      });
      expect(table.units[0]).toMatchObject({ rank: 1, unitCode: tiny, ikm: 50, grade: 'D', sampleAdequate: true });
      expect(table.units.find((u) => u.unitCode === unit)).toMatchObject({
        rank: null,
        ikm: 83.33,
        unrankedBecause: expect.stringContaining('below the Krejcie–Morgan target of 80') as unknown,
      });
    });

    it('ranks a unit exactly at its Krejcie–Morgan target: N = 50 asks 44 responses (the published table), not 45', async () => {
      const exact = `${UNIT}-AT-TARGET`;
      await http()
        .post('/service-units')
        .send(unitBody(exact, { annualServiceUsers: 600 }))
        .expect(201); // a month: N = 50
      for (let i = 0; i < 44; i++)
        await http()
          .post('/survey-responses')
          .send(responseBody(randomUUID(), exact, { servedOn: '2026-04-15' }))
          .expect(201);
      const table = await eventually(async () => {
        const r = (await http().get('/league-table').query({ period: '2026-04' }).expect(200)).body as LeagueTable;
        return r.units.some((u) => u.unitCode === exact && u.responses === 44) ? r : undefined;
      });
      expect(table.units.find((u) => u.unitCode === exact)).toMatchObject({
        rank: 1,
        responses: 44,
        sampleTarget: 44,
        sampleAdequate: true,
      });
    });

    it('publishes a period’s IKM once it has ended, then refuses responses for it', async () => {
      const closed = await http().post(`/service-units/${unit}/periods/2026-01/closure`).expect(201);
      expect((closed.body as CommandAccepted).events).toEqual(['SurveyPeriodClosed']);
      const [event] = await store.readStream(`survey-period-${unit}-2026-01`);
      expect(event.data).toMatchObject({
        responses: 4,
        ikm: 83.33,
        grade: 'B',
        sampleTarget: 80,
        sampleAdequate: false,
      });
      const late = await http()
        .post('/survey-responses')
        .send(responseBody(randomUUID(), unit, { servedOn: '2026-01-31' }))
        .expect(409);
      expect(late.body).toMatchObject({ period: '2026-01' });
      const thisMonth = app.get(CityCalendar).dateOf(app.get(Clock).now()).slice(0, 7);
      await http().post(`/service-units/${unit}/periods/${thisMonth}/closure`).expect(409);
      await http().post(`/service-units/${unit}/periods/2026-13/closure`).expect(400);
      expect(
        ((await http().get(`/service-units/${unit}/scorecard`).query({ period: '2026-01' })).body as UnitScorecard)
          .published,
      ).toMatchObject({ ikm: 83.33, grade: 'B' });
    });
  });

  it('publishes its OpenAPI document', async () => {
    const doc = (await http().get('/openapi.json').expect(200)).body as OpenApiDocument;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/service-units',
        '/survey-responses',
        '/league-table',
        '/correlation-report',
        '/service-units/{unitCode}/scorecard',
      ]),
    );
  });
});
