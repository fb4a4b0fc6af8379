import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent, TrainingCalendarEvent } from '@kompeten/contracts';
import { DomainError } from '@kompeten/domain';
import { EventStore, handleCommand, StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import { loadProgrammeState } from '../programme/load-programme';
import { runProgrammeCommand } from '../programme/run-programme-command';
import { trainingCalendarDecider } from '../training-calendar/training-calendar.decider';
import { trainingCalendarStreamId, unitKeyOf } from '../training-calendar/training-calendar.commands';

/**
 * The release step of the enrolment saga, between a unit's training calendar and the programme:
 *   ApproveEnrolmentOnStaffReleased — StaffReleased → EnrolmentApproved (and EnrolmentConfirmed when the
 *     funds are already committed: a seat needs both)
 *   EndReleaseOnEnrolmentEnded — EnrolmentWithdrawn / ProgrammeCancelled → ReleaseEnded, so the days
 *     count no more against the unit's continuity rule or for overlaps
 * Runs inside the consumer's transaction with its processed-message record: a redelivered event is
 * skipped, a crash before commit is redone, and both deciders ignore what they already hold.
 */
export function reactToReleases(store: EventStore) {
  const causedBy = (stored: StoredEvent) => ({
    actor: 'service:enrolment',
    correlationId: stored.metadata.correlationId,
    causationId: stored.eventId,
  });

  /** The unit a staff member was enrolled from: the calendar their release is kept on. */
  const unitOf = async (programmeId: string, nip: string) => {
    const s = await loadProgrammeState(store, programmeId, nip).catch((error: unknown) => {
      if (error instanceof DomainError && error.kind === 'not-found') return null;
      throw error;
    });
    const e = s?.enrolments[nip];
    return e ? { unitKey: unitKeyOf(e.workUnit), enrolmentId: e.enrolmentId, released: e.release !== null } : null;
  };

  const endRelease = async (
    stored: StoredEvent,
    tx: QueryRunner,
    programmeId: string,
    nip: string,
    reason: 'withdrawn' | 'cancelled',
    enrolmentId?: string,
  ) => {
    const unit = await unitOf(programmeId, nip);
    if (!unit?.released) return; // never released: nothing on any calendar
    await handleCommand(
      store,
      trainingCalendarDecider,
      trainingCalendarStreamId(unit.unitKey),
      // The withdrawal names its enrolment (the staff member may have enrolled again since).
      { type: 'EndRelease', enrolmentId: enrolmentId ?? unit.enrolmentId, reason },
      causedBy(stored),
      { tx },
    );
  };

  return eventHandler<ProgrammeEvent | TrainingCalendarEvent>({
    StaffReleased: async (e, tx) => {
      const { programmeId, nip, enrolmentId, suratTugas, releasedOn, nominated } = e.data;
      try {
        await runProgrammeCommand(
          store,
          programmeId,
          { type: 'ApproveEnrolment', nip, enrolmentId, suratTugas, approvedOn: releasedOn, nominated },
          causedBy(e),
          { tx },
        );
      } catch (error) {
        // A release for a programme this service does not know changes nothing; retrying would not help.
        if (error instanceof DomainError && error.kind === 'not-found') return;
        throw error;
      }
    },
    EnrolmentWithdrawn: (e, tx) => endRelease(e, tx, e.data.programmeId, e.data.nip, 'withdrawn', e.data.enrolmentId),
    ProgrammeCancelled: async (e, tx) => {
      for (const nip of e.data.affectedNips) await endRelease(e, tx, e.data.programmeId, nip, 'cancelled');
    },
  });
}
