import type { LearningPlatformActivity } from '@kompeten/contracts';

/** Every date is a city date (CityCalendar); the decider never reads a clock. */
export type LearningPlatformCommand =
  | {
      type: 'RegisterLearningPlatform';
      clientId: string;
      name: string;
      actorHomePage: string;
      activities: LearningPlatformActivity[];
      today: string;
    }
  | { type: 'RetireLearningPlatform'; clientId: string; today: string };

export const learningPlatformStreamId = (clientId: string) => `learning-platform-${clientId}`;
