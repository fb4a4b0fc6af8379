import type { Session } from '@kompeten/contracts';
import { problemOf, session } from '../../test/programme.mother';
import { checkSessions } from './sessions.rules';

const check = (over: Partial<Session>, releaseRequired: unknown = true) =>
  checkSessions({
    sessions: [session('s1', '2026-03-02', 'Hari 1', over)],
    releaseRequired: releaseRequired as boolean,
  });
/** The field and the message a refusal names. */
const refusal = (over: Partial<Session>, releaseRequired?: unknown) => {
  const problem = problemOf(() => check(over, releaseRequired));
  return { kind: problem.kind, field: (problem.extensions.errors as { field: string }[])[0].field };
};
const AULA = { venue: 'Aula Dinas Kesehatan' };

describe('the sessions of a programme', () => {
  it('may be whole days with no time or place (every session published before times existed)', () => {
    expect(() => check({})).not.toThrow();
  });

  it('may have a time, in a venue, online, or both, with or without a trainer', () => {
    expect(() => check({ startTime: '08:00', endTime: '12:00', ...AULA })).not.toThrow();
    expect(() =>
      check({ startTime: '13:30', endTime: '15:00', onlineUrl: 'https://meet.example.go.id/x' }),
    ).not.toThrow();
    expect(() =>
      check({
        startTime: '00:00',
        endTime: '23:59',
        ...AULA,
        onlineUrl: 'https://meet.example.go.id/x',
        trainer: 'dr. Rina',
      }),
    ).not.toThrow();
  });

  it('have a start and an end time, or neither', () => {
    expect(refusal({ startTime: '08:00', ...AULA })).toEqual({ kind: 'invalid', field: 'sessions.0.endTime' });
    expect(refusal({ endTime: '12:00', ...AULA })).toEqual({ kind: 'invalid', field: 'sessions.0.startTime' });
  });

  it('end after they start, on the same day', () => {
    expect(refusal({ startTime: '12:00', endTime: '08:00', ...AULA })).toEqual({
      kind: 'invalid',
      field: 'sessions.0.endTime',
    });
    expect(refusal({ startTime: '08:00', endTime: '08:00', ...AULA }).field).toBe('sessions.0.endTime');
  });

  it('give times of day as HH:MM from 00:00 to 23:59', () => {
    expect(refusal({ startTime: '24:00', endTime: '24:30', ...AULA }).field).toBe('sessions.0.startTime');
    expect(refusal({ startTime: '08:00', endTime: '8:30', ...AULA }).field).toBe('sessions.0.endTime');
  });

  it('with a time, name where they are held: a venue or an online link', () => {
    expect(refusal({ startTime: '08:00', endTime: '12:00' })).toEqual({ kind: 'invalid', field: 'sessions.0.venue' });
  });

  it('link only to https addresses', () => {
    expect(refusal({ startTime: '08:00', endTime: '12:00', onlineUrl: 'http://meet.example.go.id/x' }).field).toBe(
      'sessions.0.onlineUrl',
    );
    expect(refusal({ onlineUrl: 'not a url' }).field).toBe('sessions.0.onlineUrl');
  });

  it('name the session that is wrong by its place in the list', () => {
    const sessions = [
      session('s1', '2026-03-02', 'Hari 1'),
      session('s2', '2026-03-03', 'Hari 2', { startTime: '08:00' }),
    ];
    const problem = problemOf(() => checkSessions({ sessions, releaseRequired: true }));
    expect(problem.detail).toMatch(/^sessions\.1\.endTime: session s2/);
  });
});

describe('whether a seat waits for the unit head’s release', () => {
  it('is always said: true or false, never null (a revision may send null)', () => {
    expect(() => check({}, false)).not.toThrow();
    expect(refusal({}, null)).toEqual({ kind: 'invalid', field: 'releaseRequired' });
  });
});
