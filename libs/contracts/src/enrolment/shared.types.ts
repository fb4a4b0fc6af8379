/** An OPD (city agency) and, where it applies, its service unit (a puskesmas, a counter …). */
export interface WorkUnit {
  opd: string;
  serviceUnit?: string | null;
}

export const EMPLOYMENT_TYPES = ['PNS', 'PPPK'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const COMPETENCY_TYPES = ['teknis', 'manajerial', 'sosial-kultural'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

/** Forms of development (Peraturan LAN 10/2018); magang and riset name a university partner. */
export const PROGRAMME_FORMS = ['klasikal', 'e-learning', 'mobile', 'blended', 'magang', 'riset'] as const;
export type ProgrammeForm = (typeof PROGRAMME_FORMS)[number];

/** Why staff withdraw — the seed names workload as the main reason staff avoid training. */
export const WITHDRAWAL_REASONS = ['workload', 'illness', 'transfer', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

export const DEPARTURE_REASONS = ['retired', 'resigned', 'dismissed', 'deceased', 'contract-ended', 'other'] as const;
export type DepartureReason = (typeof DEPARTURE_REASONS)[number];

/**
 * Why a training ended without completion, coded so that the workload statistics can count them
 * (workload is the reason the seed names first); `other` carries a note.
 */
export const NON_COMPLETION_REASONS = ['workload', 'illness', 'absent', 'failed-assessment', 'other'] as const;
export type NonCompletionReason = (typeof NON_COMPLETION_REASONS)[number];

/** Why an officer completes a staff member whose attendance is below the programme's threshold. */
export const ATTENDANCE_OVERRIDE_REASONS = ['make-up-session', 'official-duty', 'illness-excused', 'other'] as const;
export type AttendanceOverrideReason = (typeof ATTENDANCE_OVERRIDE_REASONS)[number];

/** Share of a programme's sessions a participant attends to complete, unless the programme says otherwise. */
export const DEFAULT_ATTENDANCE_THRESHOLD = 0.8;

/**
 * Why a unit head declines a staff member's request to train (or a nomination they were asked to
 * release): data for the workload reports — the seed's "avoiding training because of workload",
 * seen where it happens. `other` carries a note.
 */
export const DECLINE_REASONS = ['workload-no-cover', 'service-continuity', 'not-relevant', 'budget', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The assignment letter releasing a staff member from duty for the training days: numbered and dated. */
export interface SuratTugas {
  number: string;
  /** A city date (YYYY-MM-DD). */
  date: string;
}
