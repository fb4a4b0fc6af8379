import type { QueryRunner } from 'typeorm';
import type { ProgrammeEvent } from '@kompeten/contracts';
import type { EventStore, StoredEvent } from '@kompeten/event-store';
import type { AssessmentPolicy } from '../assessment.policy';
import { runRecordCommand } from '../assessment-record/run-record-command';
import { dateOf } from '../shared/calendar';
import { scheduleAssessmentsOnTrainingCompleted } from './schedule-assessments-on-training-completed.reaction';
import {
  rememberCompetencyOnStaffEnrolled,
  schedulePreAssessmentOnEnrolmentConfirmed,
} from './schedule-pre-assessment-on-enrolment-confirmed.reaction';

/** The enrolment events that schedule or cancel assessments (the consumer skips the rest unopened). */
export const ENROLMENT_EVENTS_FOR_ASSESSMENT = [
  'StaffEnrolled',
  'EnrolmentConfirmed',
  'TrainingCompleted',
  'EnrolmentWithdrawn',
  'TrainingNotCompleted',
  'ProgrammeCancelled',
];

/**
 * Assessments follow the enrolment's course. Runs inside the consumer's transaction, so the
 * processed-message record and the appended events commit together: a redelivered event is skipped,
 * a crash before commit is redone. Events about staff or enrolments this record never saw decide nothing.
 */
export function reactToEnrolmentEvent(store: EventStore, policy: AssessmentPolicy) {
  return async (stored: StoredEvent, tx: QueryRunner): Promise<void> => {
    const event = { type: stored.type, data: stored.data } as ProgrammeEvent;
    // The enrolment's event caused ours: keep the correlation, record the causation.
    const metadata = {
      actor: 'service:assessment',
      correlationId: stored.metadata.correlationId,
      causationId: stored.eventId,
    };
    const cancel = (
      nip: string,
      by: { enrolmentId?: string; programmeId?: string },
      reason: 'enrolment-withdrawn' | 'training-not-completed' | 'programme-cancelled',
    ) => runRecordCommand(store, { type: 'CancelOpenAssessments', nip, ...by, reason }, metadata, { tx });
    switch (event.type) {
      case 'StaffEnrolled':
        return rememberCompetencyOnStaffEnrolled(tx, event.data);
      case 'EnrolmentConfirmed':
        return schedulePreAssessmentOnEnrolmentConfirmed(
          store,
          tx,
          event.data,
          dateOf(stored.occurredAt),
          policy,
          metadata,
        );
      case 'TrainingCompleted':
        return scheduleAssessmentsOnTrainingCompleted(store, tx, event.data, policy, metadata);
      case 'EnrolmentWithdrawn':
        await cancel(event.data.nip, { enrolmentId: event.data.enrolmentId }, 'enrolment-withdrawn');
        return;
      case 'TrainingNotCompleted':
        await cancel(event.data.nip, { enrolmentId: event.data.enrolmentId }, 'training-not-completed');
        return;
      case 'ProgrammeCancelled':
        // One append per staff member's record (distinct streams), all in this one transaction.
        for (const nip of new Set(event.data.affectedNips))
          await cancel(nip, { programmeId: event.data.programmeId }, 'programme-cancelled');
        return;
      default:
        return;
    }
  };
}
