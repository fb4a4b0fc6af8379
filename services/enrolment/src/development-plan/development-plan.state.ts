import type { DevelopmentPlanEvent, DevelopmentTarget } from '@kompeten/contracts';

export interface DevelopmentPlanState {
  /** none: nothing proposed; proposed: the current revision awaits agreement; agreed: it is agreed. */
  status: 'none' | 'proposed' | 'agreed';
  nip: string;
  year: number;
  revision: number;
  targets: DevelopmentTarget[];
  targetJp: number;
  note: string | null;
  proposedOn: string;
  /** The last revision agreed to: in force until a newer one is agreed. */
  agreedRevision: number | null;
  agreedOn: string | null;
}

export const initialDevelopmentPlanState = (): DevelopmentPlanState => ({
  status: 'none',
  nip: '',
  year: 0,
  revision: 0,
  targets: [],
  targetJp: 0,
  note: null,
  proposedOn: '',
  agreedRevision: null,
  agreedOn: null,
});

export function evolveDevelopmentPlan(s: DevelopmentPlanState, e: DevelopmentPlanEvent): DevelopmentPlanState {
  switch (e.type) {
    case 'DevelopmentPlanProposed': {
      const { nip, year, revision, targets, targetJp, note, proposedOn } = e.data;
      return { ...s, status: 'proposed', nip, year, revision, targets, targetJp, note, proposedOn };
    }
    case 'DevelopmentPlanAgreed':
      return { ...s, status: 'agreed', agreedRevision: e.data.revision, agreedOn: e.data.agreedOn };
    default: {
      const never: never = e;
      return never;
    }
  }
}
