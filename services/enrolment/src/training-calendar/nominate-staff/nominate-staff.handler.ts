import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { accepted, nominateStaff } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadStaff } from '../../staff/load-staff';
import { readFundingNeed } from '../../programme/read-funding-need';
import { runProgrammeCommand } from '../../programme/run-programme-command';
import { ACTIVE } from '../../programme/seats.rules';
import { assertOfUnit } from '../release-target';
import { loadProgrammeState } from '../../programme/load-programme';
import { releaseStaff } from '../release-staff';

/**
 * The unit head puts a staff member of their unit forward and releases them at once: the enrolment
 * first (or the staff member's own request, if they made one), then the release. Two streams, two
 * appends: a crash between them leaves an enrolment awaiting its release, and sending the nomination
 * again finds it and releases it — nothing is enrolled twice.
 */
@Handles(nominateStaff)
export class NominateStaffHandler implements UseCaseHandler<typeof nominateStaff> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata, res }: UseCaseRequest<typeof nominateStaff>) {
    const { programmeId, nip, suratTugas } = body;
    const today = this.calendar.dateOf(this.clock.now());
    const staff = await loadStaff(this.store, nip);
    assertOfUnit(nip, staff.workUnit, opd);
    let programme = await loadProgrammeState(this.store, programmeId, nip);
    const current = programme.enrolments[nip];
    const enrolledNow = !current || !ACTIVE.includes(current.status);
    const enrolment = enrolledNow
      ? await runProgrammeCommand(
          this.store,
          programmeId,
          {
            type: 'EnrolStaff',
            enrolmentId: uuidv7(),
            nip,
            workUnit: staff.workUnit,
            staffActive: staff.status === 'active',
            today,
            enrolledOn: today,
            // A nomination is an enrolment: its funds request carries the need like any other.
            need: await readFundingNeed(this.db, {
              staff,
              programme: programme.details,
              enrolledOn: today,
              asOf: today,
            }),
          },
          metadata,
        )
      : { events: [], version: programme.version };
    if (enrolledNow) programme = await loadProgrammeState(this.store, programmeId, nip);
    const { streamId, result } = await releaseStaff(
      this.store,
      this.db,
      { programme, nip, opd, suratTugas, nominated: true, today },
      metadata,
    );
    const events = [...enrolment.events, ...result.events];
    res.status(events.length ? 201 : 200);
    return { ...accepted(streamId, result), events: events.map((e) => e.type) };
  }
}
