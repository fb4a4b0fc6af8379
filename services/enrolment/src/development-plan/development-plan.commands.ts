import type { DevelopmentTarget } from '@kompeten/contracts';

/** Every date is a city date (CityCalendar); the decider never reads a clock. */
export type DevelopmentPlanCommand =
  | {
      type: 'ProposeDevelopmentPlan';
      nip: string;
      year: number;
      targets: DevelopmentTarget[];
      targetJp: number;
      note: string | null;
      /** From the staff member's stream: someone who has left gets no new plan. */
      staffActive: boolean;
      today: string;
    }
  | {
      type: 'AgreeDevelopmentPlan';
      nip: string;
      year: number;
      revision: number;
      /** The OPD the head acts for (the path the gateway checked against their token). */
      opd: string;
      /** The staff member's OPD now, from their stream. */
      staffOpd: string;
      today: string;
    };

export const developmentPlanStreamId = (year: number, nip: string) => `development-plan-${year}-${nip}`;
