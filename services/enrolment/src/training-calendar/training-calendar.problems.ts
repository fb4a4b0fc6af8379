import { DomainError } from '@kompeten/domain';
import type { Conflict, ShortDay } from './continuity.rules';

/** The training calendar's refusals (the HTTP edge maps the kind to a status). */
export const calendarProblems = {
  invalid: (field: string, message: string) => DomainError.invalid(field, message),
  scheduleConflict: (nip: string, conflicts: Conflict[]) =>
    DomainError.conflict(
      'schedule-conflict',
      'Sessions overlap',
      `NIP ${nip} is already released for ${conflicts
        .map((c) => `${c.programmeId} session ${c.sessionId} on ${c.date}`)
        .join(', ')}, which overlaps this programme's ${[...new Set(conflicts.map((c) => c.with))].join(', ')}`,
      { conflicts },
    ),
  continuity: (unitKey: string, short: ShortDay[]) =>
    DomainError.conflict(
      'service-continuity',
      'Too many of the unit away',
      `releasing this staff member would leave ${unitKey} short on ${short
        .map((d) => `${d.date} (${d.away} already away, at most ${d.limit})`)
        .join(', ')}`,
      { shortDates: short },
    ),
};
