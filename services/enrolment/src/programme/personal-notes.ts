import type { ProgrammeEvent } from '@kompeten/contracts';
import type { PersonalData } from '@kompeten/event-store';

/**
 * The notes of a programme stream are free text about one staff member — why they withdrew, why they
 * did not complete, why their head would not release them — and may name an illness or a family matter:
 * personal data, sealed under the staff member's subject (erasing them erases the notes, as it does
 * their name). The coded reasons stay in clear: the workload reports count them. Every append to a
 * programme stream passes its events through here (the contracts list `note` in personalFields).
 */
export function personalNotes(e: ProgrammeEvent): PersonalData | undefined {
  switch (e.type) {
    case 'EnrolmentWithdrawn':
    case 'TrainingNotCompleted':
    case 'EnrolmentDeclined':
      return e.data.note === null ? undefined : { subject: `staff:${e.data.nip}`, fields: ['note'] };
    default:
      return undefined;
  }
}
