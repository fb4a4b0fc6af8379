import type { LearningPlatformActivity, LearningPlatformEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import type { LearningPlatformCommand } from './learning-platform.commands';
import { learningPlatformProblems as problems } from './learning-platform.problems';
import {
  evolveLearningPlatform,
  initialLearningPlatformState,
  type LearningPlatformState,
} from './learning-platform.state';

type Register = Extract<LearningPlatformCommand, { type: 'RegisterLearningPlatform' }>;

/** One activity id maps to one module: a statement about it must not be counted twice. */
function checkActivities(activities: LearningPlatformActivity[]) {
  const seen = new Set<string>();
  activities.forEach((a, i) => {
    if (seen.has(a.activityId))
      throw problems.invalid(`activities[${i}].activityId`, `${a.activityId} is already mapped`);
    seen.add(a.activityId);
  });
}

/** Field by field: the stored event's JSON (jsonb) does not keep the order of keys. */
const sameAsCurrent = (s: LearningPlatformState, c: Register) =>
  s.status === 'registered' &&
  s.name === c.name &&
  s.actorHomePage === c.actorHomePage &&
  s.activities.length === c.activities.length &&
  s.activities.every(
    (a, i) =>
      a.activityId === c.activities[i].activityId &&
      a.programmeId === c.activities[i].programmeId &&
      a.moduleId === c.activities[i].moduleId,
  );

/**
 * A learning platform's registration: an admin registers it with the whole mapping (a new
 * registration replaces it, as the next revision), and retires it for good. A retired client id is
 * not brought back: its credentials may be why it was retired.
 */
export const learningPlatformDecider: Decider<LearningPlatformCommand, LearningPlatformState, LearningPlatformEvent> = {
  initialState: initialLearningPlatformState,
  evolve: evolveLearningPlatform,

  decide(c, s) {
    switch (c.type) {
      case 'RegisterLearningPlatform': {
        if (s.status === 'retired') throw problems.retired(c.clientId);
        checkActivities(c.activities);
        if (sameAsCurrent(s, c)) return [];
        const { clientId, name, actorHomePage, activities, today } = c;
        return [
          {
            type: 'LearningPlatformRegistered',
            data: { clientId, name, actorHomePage, activities, revision: s.revision + 1, registeredOn: today },
          },
        ];
      }
      case 'RetireLearningPlatform': {
        if (s.status === 'none') throw problems.notFound(c.clientId);
        if (s.status === 'retired') return [];
        return [{ type: 'LearningPlatformRetired', data: { clientId: c.clientId, retiredOn: c.today } }];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
