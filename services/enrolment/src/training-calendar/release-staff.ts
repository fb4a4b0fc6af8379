import type { DataSource } from 'typeorm';
import type { SuratTugas } from '@kompeten/contracts';
import type { EventMetadata, EventStore } from '@kompeten/event-store';
import { awaitsRelease } from '../programme/release.rules';
import { problems } from '../programme/programme.problems';
import type { ProgrammeState } from '../programme/programme.state';
import { assertOfUnit, enrolmentOf, headcountOf, releaseDays, runCalendarCommand } from './release-target';
import { trainingCalendarStreamId, unitKeyOf } from './training-calendar.commands';

export interface ReleaseAsked {
  programme: ProgrammeState;
  nip: string;
  opd: string;
  suratTugas: SuratTugas;
  nominated: boolean;
  today: string;
}

/**
 * Approval and nomination end here: the release is decided on the staff member's unit calendar
 * (overlaps, continuity) and the programme learns of it from StaffReleased
 * (ApproveEnrolmentOnStaffReleased) — the saga's new step. Already released: nothing is appended.
 */
export async function releaseStaff(store: EventStore, db: DataSource, a: ReleaseAsked, metadata: EventMetadata) {
  const e = enrolmentOf(a.programme, a.nip);
  assertOfUnit(a.nip, e.workUnit, a.opd);
  const unitKey = unitKeyOf(e.workUnit);
  const streamId = trainingCalendarStreamId(unitKey);
  if (e.release) return { streamId, result: { events: [], version: await store.streamVersion(streamId) } };
  if (!awaitsRelease(a.programme, e)) throw problems.wrongState(e, 'release');
  const serviceUnit = e.workUnit.serviceUnit ?? null;
  const result = await runCalendarCommand(
    store,
    unitKey,
    {
      type: 'ReleaseStaff',
      unitKey,
      opd: e.workUnit.opd,
      serviceUnit,
      nip: a.nip,
      programmeId: a.programme.programmeId,
      enrolmentId: e.enrolmentId,
      suratTugas: a.suratTugas,
      days: releaseDays(a.programme),
      requestedOn: e.enrolledOn,
      nominated: a.nominated,
      headcount: await headcountOf(db, e.workUnit.opd, serviceUnit),
      today: a.today,
    },
    metadata,
  );
  return { streamId, result };
}
