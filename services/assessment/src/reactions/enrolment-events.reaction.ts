import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { CityCalendar } from '@kompeten/domain';
import type { EventMetadata, EventStore, StoredEvent } from '@kompeten/event-store';
import { eventHandler } from '@kompeten/messaging';
import type { AssessmentPolicy } from '../assessment.policy';
import { runRecordCommand } from '../assessment-record/run-record-command';
import { scheduleAssessmentsOnTrainingCompleted } from './schedule-assessments-on-training-completed.reaction';
import {
  rememberCompetencyOnStaffEnrolled,
  schedulePreAssessmentOnEnrolmentConfirmed,
} from './schedule-pre-assessment-on-enrolment-confirmed.reaction';

type CancelReason = 'enrolment-withdrawn' | 'training-not-completed' | 'programme-cancelled';

/** The enrolment's event caused ours: keep the correlation, record the causation. */
const causedBy = (stored: StoredEvent): EventMetadata => ({
  actor: 'service:assessment',
  correlationId: stored.metadata.correlationId,
  causationId: stored.eventId,
});

/**
 * Assessments follow the enrolment's course. Runs inside the consumer's transaction, so the
 * processed-message record and the appended events commit together: a redelivered event is skipped,
 * a crash before commit is redone. Events about staff or enrolments this record never saw decide nothing.
 */
export function reactToEnrolmentEvent(store: EventStore, policy: AssessmentPolicy, calendar: CityCalendar) {
  const cancel = (
    stored: StoredEvent,
    tx: QueryRunner,
    nip: string,
    by: { enrolmentId?: string; programmeId?: string },
    reason: CancelReason,
  ) => runRecordCommand(store, { type: 'CancelOpenAssessments', nip, ...by, reason }, causedBy(stored), { tx });
  return eventHandler<ProgrammeEvent>({
    StaffEnrolled: (e, tx) => rememberCompetencyOnStaffEnrolled(tx, e.data),
    EnrolmentConfirmed: (e, tx) =>
      // EnrolmentConfirmed carries no date: it was confirmed on the city's date of its occurredAt.
      schedulePreAssessmentOnEnrolmentConfirmed(
        store,
        tx,
        e.data,
        calendar.dateOf(new Date(e.occurredAt)),
        policy,
        causedBy(e),
      ),
    TrainingCompleted: (e, tx) => scheduleAssessmentsOnTrainingCompleted(store, tx, e.data, policy, causedBy(e)),
    EnrolmentWithdrawn: (e, tx) =>
      cancel(e, tx, e.data.nip, { enrolmentId: e.data.enrolmentId }, 'enrolment-withdrawn'),
    TrainingNotCompleted: (e, tx) =>
      cancel(e, tx, e.data.nip, { enrolmentId: e.data.enrolmentId }, 'training-not-completed'),
    ProgrammeCancelled: async (e, tx) => {
      // One append per staff member's record (distinct streams), all in this one transaction.
      for (const nip of new Set(e.data.affectedNips))
        await cancel(e, tx, nip, { programmeId: e.data.programmeId }, 'programme-cancelled');
    },
  });
}
