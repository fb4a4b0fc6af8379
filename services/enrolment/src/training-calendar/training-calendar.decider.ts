import type { TrainingCalendarEvent } from '@kompeten/contracts';
import type { Decider } from '@kompeten/domain';
import { conflictsOf, shortDays } from './continuity.rules';
import type { TrainingCalendarCommand } from './training-calendar.commands';
import { calendarProblems } from './training-calendar.problems';
import { evolveTrainingCalendar, initialTrainingCalendarState, TrainingCalendarState } from './training-calendar.state';

/**
 * A unit's training calendar: its head's releases (surat tugas) and its continuity rule. Both rules
 * that span enrolments are decided here, against every release the unit holds: a staff member is
 * never released into overlapping sessions, and no day is left with more staff away than the rule allows.
 */
export const trainingCalendarDecider: Decider<TrainingCalendarCommand, TrainingCalendarState, TrainingCalendarEvent> = {
  initialState: initialTrainingCalendarState,
  evolve: evolveTrainingCalendar,

  decide(c, s) {
    switch (c.type) {
      case 'SetContinuityRule': {
        if (c.maxAwayCount === null && c.maxAwayShare === null)
          throw calendarProblems.invalid('maxAwayCount', 'give maxAwayCount, maxAwayShare or both');
        if (s.rule && s.rule.maxAwayCount === c.maxAwayCount && s.rule.maxAwayShare === c.maxAwayShare) return [];
        const { type: _, today, ...rule } = c;
        return [{ type: 'ContinuityRuleSet', data: { ...rule, setOn: today } }];
      }
      case 'ReleaseStaff': {
        // Released already (a resend, or the head approving twice): nothing new.
        if (s.releases[c.enrolmentId]) return [];
        const conflicts = conflictsOf(s, c.nip, c.enrolmentId, c.days);
        if (conflicts.length) throw calendarProblems.scheduleConflict(c.nip, conflicts);
        const short = shortDays(s, c.nip, c.days, c.headcount);
        if (short.length) throw calendarProblems.continuity(c.unitKey, short);
        const { type: _, headcount: __, today, ...release } = c;
        return [{ type: 'StaffReleased', data: { ...release, releasedOn: today } }];
      }
      case 'EndRelease': {
        const r = s.releases[c.enrolmentId];
        if (!r) return [];
        return [
          {
            type: 'ReleaseEnded',
            data: {
              unitKey: s.unitKey,
              nip: r.nip,
              programmeId: r.programmeId,
              enrolmentId: r.enrolmentId,
              reason: c.reason,
            },
          },
        ];
      }
      default: {
        const never: never = c;
        throw new Error(`unhandled command ${JSON.stringify(never)}`);
      }
    }
  },
};
