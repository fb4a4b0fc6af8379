import type { ReleaseDay, TrainingCalendarEvent } from '@kompeten/contracts';

export interface Release {
  nip: string;
  programmeId: string;
  enrolmentId: string;
  days: ReleaseDay[];
  releasedOn: string;
}

export interface TrainingCalendarState {
  unitKey: string;
  rule: { maxAwayCount: number | null; maxAwayShare: number | null } | null;
  /** Releases that hold, by enrolment id (an ended release leaves). */
  releases: Record<string, Release>;
  version: number;
}

export const initialTrainingCalendarState = (): TrainingCalendarState => ({
  unitKey: '',
  rule: null,
  releases: {},
  version: 0,
});

export function evolveTrainingCalendar(
  state: TrainingCalendarState,
  event: TrainingCalendarEvent,
): TrainingCalendarState {
  const s = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'ContinuityRuleSet': {
      const { unitKey, maxAwayCount, maxAwayShare } = event.data;
      return { ...s, unitKey, rule: { maxAwayCount, maxAwayShare } };
    }
    case 'StaffReleased': {
      const { unitKey, nip, programmeId, enrolmentId, days, releasedOn } = event.data;
      return {
        ...s,
        unitKey,
        releases: { ...s.releases, [enrolmentId]: { nip, programmeId, enrolmentId, days, releasedOn } },
      };
    }
    case 'ReleaseEnded': {
      const releases = { ...s.releases };
      delete releases[event.data.enrolmentId];
      return { ...s, releases };
    }
    default: {
      const never: never = event;
      return never;
    }
  }
}
