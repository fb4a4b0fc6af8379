import type { INestApplication } from '@nestjs/common';
import type { CommandAcceptedBody } from '@kompeten/api';
import type { ProgrammeEvent } from '@kompeten/contracts';
import { EventStore } from '@kompeten/event-store';
import { httpOf } from '@kompeten/testing';
import { nip, programmeBody, staffBody, startEnrolmentApp } from '../../services/enrolment/test/enrolment-app';
import { programmeEvents } from '../../services/enrolment/test/programme-events';
import { SeatLedger } from '../../services/enrolment/src/programme/seat-ledger';

// Issue 23: each participant has their own stream, and seats are decided on a ledger read across them
// with an append condition (no seat event after what was read). Two replicas of the enrolment service —
// two apps, each with its own store, cache and seat ledger — share one database, as deployed.
describe('seats across two enrolment replicas', () => {
  const run = `seats-${Date.now().toString(36)}`;
  const staff = Array.from({ length: 50 }, (_, i) => nip(700 + i));
  let replicas: INestApplication[];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const first = await startEnrolmentApp();
    const second = await startEnrolmentApp({}, first.db);
    replicas = [first.app, second.app];
    stop = async () => {
      await second.close();
      await first.stop();
    };
    await Promise.all(
      staff.map((n, i) =>
        httpOf(replicas[i % 2])
          .post('/staff')
          .send(staffBody(n))
          .expect(201),
      ),
    );
    await httpOf(replicas[0])
      .post('/programmes')
      .send(programmeBody(run, { capacity: 10 }))
      .expect(201);
  });
  afterAll(() => stop());

  it('gives 10 seats to 50 parallel enrolments: exactly 10 hold one, 40 wait in the order they were committed', async () => {
    const answers = await Promise.all(
      staff.map((n, i) =>
        httpOf(replicas[i % 2])
          .post(`/programmes/${run}/enrolments`)
          .send({ nip: n }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(staff.map(() => 201));
    expect(answers.map((a) => (a.body as CommandAcceptedBody).streamId).sort()).toEqual(
      staff.map((n) => `programme-${run}/${n}`).sort(),
    );

    const events = await programmeEvents(replicas[0].get(EventStore), run);
    const enrolled = events.filter((e) => e.type === 'StaffEnrolled');
    const waitlisted = events.filter((e) => e.type === 'EnrolmentWaitlisted');
    expect([enrolled.length, waitlisted.length]).toEqual([10, 40]);
    // Nobody was ever over capacity: the seats held after each event of the log, in its order.
    const ledger = new SeatLedger();
    for (const e of events) {
      ledger.apply({ type: e.type, data: e.data } as ProgrammeEvent, e.position);
      expect(ledger.taken).toBeLessThanOrEqual(10);
    }
    // Seats went to the first ten committed, and the queue is the commit order of the rest.
    const nipOf = (e: { data: unknown }) => (e.data as { nip: string }).nip;
    expect(enrolled.every((e) => e.position < waitlisted[0].position)).toBe(true);
    expect(ledger.queue.map((s) => s.nip)).toEqual(waitlisted.map(nipOf));
  });

  it('hands a freed seat to the longest-waiting, whichever replica frees it', async () => {
    const events = await programmeEvents(replicas[0].get(EventStore), run);
    const holder = events.find((e) => e.type === 'StaffEnrolled')!;
    const first = events.find((e) => e.type === 'EnrolmentWaitlisted')!;
    const freed = await httpOf(replicas[1])
      .post(`/programmes/${run}/enrolments/${(holder.data as { nip: string }).nip}/withdrawal`)
      .send({ reason: 'workload' })
      .expect(201);
    expect((freed.body as CommandAcceptedBody).events).toEqual(['EnrolmentWithdrawn', 'StaffEnrolled']);
    const [promoted] = (await programmeEvents(replicas[0].get(EventStore), run)).filter(
      (e) => e.type === 'StaffEnrolled' && e.position > first.position,
    );
    expect(promoted.streamId).toBe(first.streamId);
  });
});
