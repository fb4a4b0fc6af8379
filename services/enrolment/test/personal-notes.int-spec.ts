import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { eventTopic, type BudgetEvent, type ProgrammeEvent } from '@kompeten/contracts';
import { EventStore, PostgresKeyStore } from '@kompeten/event-store';
import { eventually, httpOf, tailTopic, testKafka, topicEnd } from '@kompeten/testing';
import { fakeBudget } from './fake-budget';
import { nip, programmeBody, staffBody, startEnrolmentApp } from './enrolment-app';
import { programmeEvents } from './programme-events';

type Enrolled = Extract<ProgrammeEvent, { type: 'StaffEnrolled' }>['data'];
type Noted = 'EnrolmentWithdrawn' | 'TrainingNotCompleted';

// Why a staff member withdrew or did not complete is free text that may name an illness: personal data
// of the staff member. Read where an attacker with a database dump or a topic consumer would read it —
// the raw rows of es_event, the raw messages on Kafka, the read model's table — it is not there in
// clear; the service's own readers open it, and after the staff member is erased nobody does.
describe('the notes of a programme stream, sealed as personal data', () => {
  const kafka = testKafka('personal-notes');
  const run = randomBytes(3).toString('hex');
  const programmeId = `notes-${run}`;
  const streamId = `programme-${programmeId}`;
  const [A, B] = [nip(401), nip(402)];
  const notes: Record<Noted, string> = {
    EnrolmentWithdrawn: `Operasi lutut ${run}, rawat inap dua minggu`,
    TrainingNotCompleted: `Anak dirawat di RSUD ${run}`,
  };
  let app: INestApplication;
  let stop: () => Promise<void>;
  let store: EventStore;
  let budget: Awaited<ReturnType<typeof fakeBudget>>;
  let from: Map<number, string>;

  const http = () => httpOf(app);
  const stream = async () => programmeEvents(store, programmeId);
  const nipOf = (e: { data: unknown }) => (e.data as { nip?: string }).nip;

  beforeAll(async () => {
    ({ app, stop } = await startEnrolmentApp());
    store = app.get(EventStore);
    budget = await fakeBudget();
    for (const n of [A, B]) await http().post('/staff').send(staffBody(n)).expect(201);
    await http()
      .post('/programmes')
      .send(programmeBody(programmeId, { capacity: 5 }))
      .expect(201);
    for (const n of [A, B]) await http().post(`/programmes/${programmeId}/enrolments`).send({ nip: n }).expect(201);
    // B's seat is funded (a non-completion needs a confirmed enrolment); A withdraws before any answer.
    const b = (await stream()).find((e) => e.type === 'StaffEnrolled' && nipOf(e) === B)!.data as Enrolled;
    const committed: BudgetEvent = {
      type: 'FundsCommitted',
      data: {
        ...{ budgetId: 'b', allocationId: 'a', programmeId, opd: 'DINKES', amount: b.costPerParticipant },
        ...{ commitmentId: `c-${b.enrolmentId}-${b.attempt}`, enrolmentId: b.enrolmentId, nip: B },
      },
    };
    await budget.answer(committed);
    await eventually(async () =>
      (await stream()).some((e) => e.type === 'EnrolmentConfirmed' && nipOf(e) === B) ? true : undefined,
    );

    from = await topicEnd(kafka, eventTopic('enrolment'));
    await http()
      .post(`/programmes/${programmeId}/enrolments/${A}/withdrawal`)
      .send({ reason: 'illness', note: notes.EnrolmentWithdrawn })
      .expect(201);
    await http()
      .post(`/programmes/${programmeId}/enrolments/${B}/non-completion`)
      .send({ reason: 'other', note: notes.TrainingNotCompleted })
      .expect(201);
  }, 60_000);
  afterAll(async () => {
    await budget?.stop();
    await stop?.();
  });

  it('keeps no note in clear in es_event: each is sealed under its staff member', async () => {
    const rows = await app.get(DataSource).query<{ type: Noted; payload: { note: unknown }; text: string }[]>(
      `select type, payload, payload::text as text from es_event
          where split_part(stream_id, '/', 1) = $1 and type in ('EnrolmentWithdrawn', 'TrainingNotCompleted') order by position`,
      [streamId],
    );
    expect(rows.map((r) => r.type)).toEqual(['EnrolmentWithdrawn', 'TrainingNotCompleted']);
    for (const r of rows) expect(r.text).not.toContain(notes[r.type]);
    expect(rows.map((r) => r.payload.note)).toEqual([
      { $personal: expect.objectContaining({ subject: `staff:${A}`, alg: 'A256GCM' }) as unknown },
      { $personal: expect.objectContaining({ subject: `staff:${B}`, alg: 'A256GCM' }) as unknown },
    ]);
  });

  it('publishes them sealed: no note in clear on the Kafka topic', async () => {
    const ours = (m: { key: string | null; headers: Record<string, string> }) =>
      m.key === streamId && m.headers.type in notes; // keyed by the programme: a participant's stream's parent
    const messages = (
      await tailTopic(kafka, eventTopic('enrolment'), from, (ms) => ms.filter(ours).length >= 2)
    ).filter(ours);
    expect(messages.map((m) => m.headers.type)).toEqual(['EnrolmentWithdrawn', 'TrainingNotCompleted']);
    for (const m of messages) {
      expect(m.value).not.toContain(notes[m.headers.type as Noted]);
      expect(m.value).toContain('"$personal"');
    }
  });

  it('opens them for the service’s own readers, and keeps no copy in the read model', async () => {
    const noted = (await stream()).filter((e) => e.type in notes);
    expect(noted.map((e) => [e.type, (e.data as { note: string }).note])).toEqual(Object.entries(notes));
    const rows = await eventually(async () => {
      const r = await app
        .get(DataSource)
        .query<{ status: string; text: string }[]>(
          `select status, to_jsonb(h)::text as text from enrolment_history h where programme_id = $1 order by nip`,
          [programmeId],
        );
      return r.length === 2 && r[0].status === 'withdrawn' && r[1].status === 'not-completed' ? r : undefined;
    });
    for (const note of Object.values(notes)) expect(rows.map((r) => r.text).join()).not.toContain(note);
  });

  it('reads the note as erased once the staff member is, and the other’s still opens', async () => {
    await app.get(PostgresKeyStore).erase(`staff:${A}`);
    const noted = (await stream()).filter((e) => e.type in notes);
    expect(noted.map((e) => [e.type, (e.data as { note: string | null }).note, e.erased ?? []])).toEqual([
      ['EnrolmentWithdrawn', null, ['note']],
      ['TrainingNotCompleted', notes.TrainingNotCompleted, []],
    ]);
  });
});
