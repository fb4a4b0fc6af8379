import type { ExternalLearningEvent, ExternalLearningRecorded } from '@kompeten/contracts';

export interface ExternalLearningState {
  status: 'none' | 'recorded' | 'verified' | 'rejected';
  /** The record as it was made (null before). */
  record: ExternalLearningRecorded['data'] | null;
}

export const initialExternalLearningState = (): ExternalLearningState => ({ status: 'none', record: null });

export function evolveExternalLearning(s: ExternalLearningState, e: ExternalLearningEvent): ExternalLearningState {
  switch (e.type) {
    case 'ExternalLearningRecorded':
      return { status: 'recorded', record: e.data };
    case 'ExternalLearningVerified':
      return { ...s, status: 'verified' };
    case 'ExternalLearningRejected':
      return { ...s, status: 'rejected' };
    default: {
      const never: never = e;
      return never;
    }
  }
}
