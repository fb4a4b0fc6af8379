/**
 * What a funds request says about how much the staff member needs the training, as the enrolment
 * service knew it on the day of the request (StaffEnrolled.need). The budget scores requests from it
 * when it funds by need (services/budget/src/budget/funding-priority.ts) and records the score's parts.
 */
export interface FundingNeed {
  /** The line of the OPD's approved training plan for the year that covers this programme's competency area, if any. */
  planLine: { lineId: string; priority: number; revision: number } | null;
  /** 20 JP minus the JP credited to the staff member in the programme's fiscal year, never below 0. */
  jpShortfall: number;
  /** Required minus assessed level for the programme's competency (the latest assessment), 0 when none is known. */
  gap: number;
  /** The latest closed IKM grade of the staff member's service unit (or the worst of their OPD's units), null when none. */
  ikmGrade: 'A' | 'B' | 'C' | 'D' | null;
  /** The city date the need was read. */
  asOf: string;
}
