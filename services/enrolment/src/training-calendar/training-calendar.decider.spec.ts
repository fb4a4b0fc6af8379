import type { ReleaseDay, TrainingCalendarEvent } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import type { TrainingCalendarCommand } from './training-calendar.commands';
import { trainingCalendarDecider } from './training-calendar.decider';

const UNIT = { unitKey: 'PUSKESMAS-A', opd: 'DINKES', serviceUnit: 'PUSKESMAS-A' };
const given = (...events: TrainingCalendarEvent[]) => givenEvents(trainingCalendarDecider, events);
const day = (date: string, startTime: string | null = '08:00', endTime: string | null = '12:00', sessionId = 's1') => ({
  sessionId,
  date,
  startTime,
  endTime,
});
const release = (nip: string, programmeId: string, days: ReleaseDay[], headcount = 10) =>
  ({
    type: 'ReleaseStaff',
    ...UNIT,
    nip,
    programmeId,
    enrolmentId: `${programmeId}:${nip}`,
    suratTugas: { number: `800/${nip}/2026`, date: '2026-03-01' },
    days,
    requestedOn: '2026-02-20',
    nominated: false,
    headcount,
    today: '2026-03-01',
  }) satisfies TrainingCalendarCommand;
const released = (nip: string, programmeId: string, days: ReleaseDay[]): TrainingCalendarEvent => {
  const { type: _t, headcount: _h, today, ...data } = release(nip, programmeId, days);
  return { type: 'StaffReleased', data: { ...data, releasedOn: today } };
};
const rule = (maxAwayCount: number | null, maxAwayShare: number | null = null): TrainingCalendarEvent => ({
  type: 'ContinuityRuleSet',
  data: { ...UNIT, maxAwayCount, maxAwayShare, setOn: '2026-01-05' },
});
const problemOf = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('a unit’s training calendar', () => {
  it('releases a staff member for the programme’s days, with the surat tugas', () => {
    expect(given().when(release('n1', 'p1', [day('2026-03-10')]))).toEqual([released('n1', 'p1', [day('2026-03-10')])]);
  });

  it('releasing the same enrolment twice changes nothing (the head approved twice)', () => {
    expect(given(released('n1', 'p1', [day('2026-03-10')])).when(release('n1', 'p1', [day('2026-03-10')]))).toEqual([]);
  });

  describe('no staff member in two overlapping sessions', () => {
    it('refuses sessions whose times meet on the same day, naming the conflict', () => {
      const e = problemOf(() =>
        given(released('n1', 'p1', [day('2026-03-10', '08:00', '12:00')])).when(
          release('n1', 'p2', [day('2026-03-10', '11:00', '15:00', 'a')]),
        ),
      );
      expect(e).toMatchObject({
        kind: 'conflict',
        slug: 'schedule-conflict',
        extensions: { conflicts: [{ programmeId: 'p1', sessionId: 's1', date: '2026-03-10', with: 'a' }] },
      });
      expect(e.message).toContain('p1 session s1 on 2026-03-10');
    });
    it('a whole-day session overlaps any session that day', () => {
      expect(
        problemOf(() =>
          given(released('n1', 'p1', [day('2026-03-10', null, null)])).when(
            release('n1', 'p2', [day('2026-03-10', '15:00', '16:00')]),
          ),
        ).slug,
      ).toBe('schedule-conflict');
    });
    it('allows a session that starts when the other ends, another day, or another person the same hours', () => {
      const g = given(released('n1', 'p1', [day('2026-03-10', '08:00', '12:00')]));
      expect(g.when(release('n1', 'p2', [day('2026-03-10', '12:00', '15:00')]))).toHaveLength(1);
      expect(g.when(release('n1', 'p3', [day('2026-03-11')]))).toHaveLength(1);
      expect(g.when(release('n2', 'p1', [day('2026-03-10')]))).toHaveLength(1);
    });
    it('an ended release no longer blocks the days', () => {
      const ended: TrainingCalendarEvent = {
        type: 'ReleaseEnded',
        data: { unitKey: 'PUSKESMAS-A', nip: 'n1', programmeId: 'p1', enrolmentId: 'p1:n1', reason: 'withdrawn' },
      };
      expect(
        given(released('n1', 'p1', [day('2026-03-10')]), ended).when(release('n1', 'p2', [day('2026-03-10')])),
      ).toHaveLength(1);
    });
  });

  describe('service continuity', () => {
    const twoAway = [
      rule(2),
      released('n1', 'p1', [day('2026-03-10'), day('2026-03-11')]),
      released('n2', 'p2', [day('2026-03-10')]),
    ];
    it('refuses a release that would put more staff away than the rule allows, with the dates that would be short', () => {
      const e = problemOf(() => given(...twoAway).when(release('n3', 'p3', [day('2026-03-10'), day('2026-03-11')])));
      expect(e).toMatchObject({
        kind: 'conflict',
        slug: 'service-continuity',
        extensions: { shortDates: [{ date: '2026-03-10', away: 2, limit: 2 }] },
      });
    });
    it('allows it on days with room', () => {
      expect(given(...twoAway).when(release('n3', 'p3', [day('2026-03-11')]))).toHaveLength(1);
    });
    it('a share is of today’s headcount, rounded down; with a count too, the lower wins', () => {
      // 25 % of 8 = 2 may be away; 25 % of 7 = 1.75 → 1.
      const g = given(rule(null, 0.25), released('n1', 'p1', [day('2026-03-10')]));
      expect(g.when(release('n2', 'p2', [day('2026-03-10')], 8))).toHaveLength(1);
      expect(problemOf(() => g.when(release('n2', 'p2', [day('2026-03-10')], 7))).slug).toBe('service-continuity');
      const both = given(rule(1, 0.5), released('n1', 'p1', [day('2026-03-10')]));
      expect(problemOf(() => both.when(release('n2', 'p2', [day('2026-03-10')], 10))).slug).toBe('service-continuity');
    });
    it('the same person already away that day for another programme is not one more away', () => {
      const g = given(rule(1), released('n1', 'p1', [day('2026-03-10', '08:00', '10:00')]));
      expect(g.when(release('n1', 'p2', [day('2026-03-10', '13:00', '15:00')]))).toHaveLength(1);
    });
    it('without a rule, any number may be away', () => {
      expect(given(...twoAway.slice(1)).when(release('n3', 'p3', [day('2026-03-10')]))).toHaveLength(1);
    });
  });

  describe('the continuity rule', () => {
    const set = (maxAwayCount: number | null, maxAwayShare: number | null) =>
      ({ type: 'SetContinuityRule', ...UNIT, maxAwayCount, maxAwayShare, today: '2026-01-05' }) as const;
    it('is set with a count, a share or both', () => {
      expect(given().when(set(2, null))).toEqual([rule(2)]);
    });
    it('setting the same rule again changes nothing', () => {
      expect(given(rule(2)).when(set(2, null))).toEqual([]);
    });
    it('needs a count or a share', () => {
      expect(problemOf(() => given().when(set(null, null))).kind).toBe('invalid');
    });
  });

  it('ends a release only once, and only one it holds', () => {
    const end = { type: 'EndRelease', enrolmentId: 'p1:n1', reason: 'withdrawn' } as const;
    const g = given(released('n1', 'p1', [day('2026-03-10')]));
    expect(g.when(end)).toEqual([
      {
        type: 'ReleaseEnded',
        data: { unitKey: 'PUSKESMAS-A', nip: 'n1', programmeId: 'p1', enrolmentId: 'p1:n1', reason: 'withdrawn' },
      },
    ]);
    expect(given().when(end)).toEqual([]);
  });
});
