import { DataSource } from 'typeorm';
import { accepted, approveRelease } from '@kompeten/api';
import { CityCalendar } from '@kompeten/domain';
import { EventStore } from '@kompeten/event-store';
import { Clock, Handles, type UseCaseHandler, type UseCaseRequest } from '@kompeten/platform';
import { loadProgrammeState } from '../../programme/load-programme';
import { releaseStaff } from '../release-staff';

/** The unit head approves a staff member's request and issues the surat tugas. */
@Handles(approveRelease)
export class ApproveReleaseHandler implements UseCaseHandler<typeof approveRelease> {
  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly calendar: CityCalendar,
  ) {}

  async handle({ params: { opd }, body, metadata, res }: UseCaseRequest<typeof approveRelease>) {
    const programme = await loadProgrammeState(this.store, body.programmeId, body.nip);
    const today = this.calendar.dateOf(this.clock.now());
    const { streamId, result } = await releaseStaff(
      this.store,
      this.db,
      { programme, nip: body.nip, opd, suratTugas: body.suratTugas, nominated: false, today },
      metadata,
    );
    res.status(result.events.length ? 201 : 200);
    return accepted(streamId, result);
  }
}
