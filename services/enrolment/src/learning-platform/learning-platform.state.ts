import type { LearningPlatformActivity, LearningPlatformEvent } from '@kompeten/contracts';

export interface LearningPlatformState {
  /** none: never registered; registered: its statements are accepted; retired: no longer (final). */
  status: 'none' | 'registered' | 'retired';
  clientId: string;
  name: string;
  actorHomePage: string;
  activities: LearningPlatformActivity[];
  revision: number;
  registeredOn: string | null;
  retiredOn: string | null;
}

export const initialLearningPlatformState = (): LearningPlatformState => ({
  status: 'none',
  clientId: '',
  name: '',
  actorHomePage: '',
  activities: [],
  revision: 0,
  registeredOn: null,
  retiredOn: null,
});

export function evolveLearningPlatform(s: LearningPlatformState, e: LearningPlatformEvent): LearningPlatformState {
  switch (e.type) {
    case 'LearningPlatformRegistered': {
      const { clientId, name, actorHomePage, activities, revision, registeredOn } = e.data;
      return { ...s, status: 'registered', clientId, name, actorHomePage, activities, revision, registeredOn };
    }
    case 'LearningPlatformRetired':
      return { ...s, status: 'retired', retiredOn: e.data.retiredOn };
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The activity a statement's object names, or undefined when the platform did not map it. */
export const activityOf = (s: LearningPlatformState, activityId: string) =>
  s.activities.find((a) => a.activityId === activityId);
