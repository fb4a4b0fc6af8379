import type { ReleaseDay, SuratTugas } from '@kompeten/contracts';

/** Where a staff member's releases are kept: their service unit's calendar, or their OPD's when they have none. */
export const unitKeyOf = (w: { opd: string; serviceUnit?: string | null }) => w.serviceUnit ?? w.opd;
export const trainingCalendarStreamId = (unitKey: string) => `training-calendar-${unitKey}`;

/**
 * Everything a unit's training calendar can be asked; handlers fill in the unit, the headcount (from
 * the roster) and the city's today — the decider reads no clock and no read model.
 */
export type TrainingCalendarCommand =
  | {
      type: 'SetContinuityRule';
      unitKey: string;
      opd: string;
      serviceUnit: string | null;
      maxAwayCount: number | null;
      maxAwayShare: number | null;
      today: string;
    }
  | {
      type: 'ReleaseStaff';
      unitKey: string;
      opd: string;
      serviceUnit: string | null;
      nip: string;
      programmeId: string;
      enrolmentId: string;
      suratTugas: SuratTugas;
      days: ReleaseDay[];
      requestedOn: string | null;
      nominated: boolean;
      /** Active staff of the unit today: what a share in the continuity rule is a share of. */
      headcount: number;
      today: string;
    }
  | {
      type: 'EndRelease';
      enrolmentId: string;
      reason: 'withdrawn' | 'cancelled' | 'declined';
    };
