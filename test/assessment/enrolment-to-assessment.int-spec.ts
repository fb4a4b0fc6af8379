import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { eventTopic } from '@kompeten/contracts';
import { eventually, tailTopic, testKafka, topicEnd, httpOf } from '@kompeten/testing';
import { programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { fakeBudget } from '../../services/enrolment/test/fake-budget';
import { startAssessmentApp, uniqueNip } from '../../services/assessment/test/assessment-app';
import type { AssessmentView } from '../../services/assessment/src/queries/get-competency-profile/competency-profile';

/** A message of the assessment topic, as far as this test reads it. */
interface PublishedEvent {
  payload: unknown;
}

// Two real services, one real broker: a training completed in the enrolment service schedules a
// post-assessment in the assessment service through Kafka; recording it publishes AssessmentRecorded
// on the assessment topic, where any other consumer reads it.
describe('from a completed training to a published assessment result, through the real broker', () => {
  const kafka = testKafka('assessment-flow');
  let enrolment: { app: INestApplication; stop: () => Promise<void> };
  let assessment: { app: INestApplication; stop: () => Promise<void> };
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  const enrolmentHttp = () => httpOf(enrolment.app);
  const assessmentHttp = () => httpOf(assessment.app);
  const nip = uniqueNip();
  const programmeId = `asm-flow-${randomBytes(4).toString('hex')}`;
  const correlationId = `completion-${programmeId}`;
  const history = async () =>
    ((await assessmentHttp().get(`/staff/${nip}/competency-profile`)).body as { history?: AssessmentView[] }).history;
  let enrolmentId: string;

  beforeAll(async () => {
    enrolment = await startEnrolmentApp();
    assessment = await startAssessmentApp();
    budget = await fakeBudget();
  });
  afterAll(async () => {
    await budget.stop();
    await assessment.stop();
    await enrolment.stop();
  });

  it('schedules the pre-assessment once the budget has confirmed the enrolment', async () => {
    await enrolmentHttp().post('/staff').send(staffBody(nip)).expect(201);
    await enrolmentHttp().post('/programmes').send(programmeBody(programmeId)).expect(201);
    await enrolmentHttp().post(`/programmes/${programmeId}/enrolments`).send({ nip }).expect(201);
    enrolmentId = (
      await eventually(
        async () =>
          ((await enrolmentHttp().get(`/programmes/${programmeId}`)).body as { enrolments?: { enrolmentId: string }[] })
            .enrolments?.[0],
      )
    ).enrolmentId;
    await budget.answer({
      type: 'FundsCommitted',
      data: {
        budgetId: 'b',
        allocationId: 'a',
        commitmentId: `c-${programmeId}`,
        enrolmentId,
        programmeId,
        nip,
        opd: 'DINKES',
        amount: 1500000,
      },
    });
    const pre = await eventually(async () => (await history())?.find((a) => a.kind === 'pre'));
    expect(pre).toMatchObject({
      assessmentId: `${enrolmentId}-pre`,
      status: 'scheduled',
      competencyCode: 'patient-management',
      trigger: 'enrolment-confirmed',
    });
    // The programme's teknis area was new to the dictionary: created on demand.
    const dictionary = ((await assessmentHttp().get('/competencies').expect(200)).body as { competencies: unknown[] })
      .competencies;
    expect(dictionary).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'patient-management', source: 'on-demand', competencyType: 'teknis' }),
      ]),
    );
  });

  it('schedules the post-assessment when the training is completed, in the same conversation', async () => {
    const from = await topicEnd(kafka, eventTopic('assessment'));
    // Completion needs attendance at the programme's threshold (80 % of its two sessions).
    for (const sessionId of ['s1', 's2'])
      await enrolmentHttp()
        .post(`/programmes/${programmeId}/enrolments/${nip}/attendance`)
        .send({ sessionId, attended: true })
        .expect(201);
    await enrolmentHttp()
      .post(`/programmes/${programmeId}/enrolments/${nip}/completion`)
      .set('x-correlation-id', correlationId)
      .send({ completedOn: '2026-11-20' })
      .expect(201);
    const post = await eventually(async () => (await history())?.find((a) => a.kind === 'post'));
    expect(post).toMatchObject({
      assessmentId: `${enrolmentId}-post`,
      status: 'scheduled',
      dueOn: '2026-12-04',
      trigger: 'training-completed',
    });
    const scheduled = await tailTopic(kafka, eventTopic('assessment'), from, (ms) =>
      ms.some(
        (m) =>
          m.key === `assessment-record-${nip}` &&
          m.headers.type === 'AssessmentScheduled' &&
          m.value!.includes('"post"'),
      ),
    );
    const message = scheduled.find((m) => m.key === `assessment-record-${nip}` && m.value!.includes('"post"'))!;
    expect(message.headers['correlation-id']).toBe(correlationId);
  });

  it('publishes AssessmentRecorded (and the certification) on the assessment topic, where another consumer reads it', async () => {
    const from = await topicEnd(kafka, eventTopic('assessment'));
    await assessmentHttp()
      .post(`/staff/${nip}/assessments/${enrolmentId}-post/result`)
      .send({ assessor: 'assessor:197901012005011002', method: 'test', score: 72, assessedOn: '2026-11-25' })
      .expect(201);
    const mine = (m: { key: string | null }) => m.key === `assessment-record-${nip}`;
    const messages = (
      await tailTopic(kafka, eventTopic('assessment'), from, (ms) => ms.filter(mine).length >= 2)
    ).filter(mine);
    expect(messages.map((m) => m.headers.type)).toEqual(['AssessmentRecorded', 'CompetencyCertified']);
    const recorded = JSON.parse(messages[0].value!) as PublishedEvent;
    expect(recorded).toMatchObject({
      streamId: `assessment-record-${nip}`,
      type: 'AssessmentRecorded',
      schemaVersion: 1,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(recorded.payload).toMatchObject({
      assessmentId: `${enrolmentId}-post`,
      nip,
      kind: 'post',
      competencyCode: 'patient-management',
      enrolmentId,
      programmeId,
      method: 'test',
      score: 72,
      level: 3, // 72/100 on a test: level 3 from 70 (score-levels.ts)
      assessedOn: '2026-11-25',
      late: false,
      learningGain: null,
    });
    // No position standard names this competency: the default required level (3) applies.
    expect((JSON.parse(messages[1].value!) as PublishedEvent).payload).toMatchObject({
      level: 3,
      requiredLevel: 3,
      expiresOn: '2029-11-25',
    });
  });
});
