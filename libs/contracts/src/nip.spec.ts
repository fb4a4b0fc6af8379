import { parseNip } from './nip';

const today = new Date('2026-11-29T00:00:00Z');

describe('NIP', () => {
  it('reads every part of a valid NIP', () => {
    expect(parseNip('198609262015051001', today)).toEqual({
      ok: true,
      nip: {
        value: '198609262015051001',
        birthDate: '1986-09-26',
        appointment: '2015-05',
        gender: 'male',
        sequence: 1,
      },
    });
    expect(parseNip('199002292020012002', today)).toMatchObject({ ok: false, part: 'birthDate' }); // 1990 is not a leap year
    expect(parseNip('199202292020012002', today)).toMatchObject({
      ok: true,
      nip: { gender: 'female', birthDate: '1992-02-29' },
    });
  });

  it.each([
    ['19860926201505100', 'format'],
    ['19860926201505100a', 'format'],
    ['198613262015051001', 'birthDate'],
    ['198609312015051001', 'birthDate'],
    ['203001012015051001', 'birthDate'],
    ['198609262015131001', 'appointment'],
    ['198609262015001001', 'appointment'],
    ['198609262027011001', 'appointment'],
    ['198609261990011001', 'appointment'],
    ['198609262015053001', 'gender'],
    ['198609262015050001', 'gender'],
    ['198609262015051000', 'sequence'],
  ])('refuses %s, naming the %s', (nip, part) => {
    expect(parseNip(nip, today)).toMatchObject({ ok: false, part });
  });
});

describe('NIP dates in the city’s calendar', () => {
  // 1 March 2027, 03:00 WIB — still 28 February in UTC.
  const earlyMorning = new Date('2027-02-28T20:00:00Z');

  it('accepts an appointment this month (WIB) before 07:00, when UTC is still in last month', () => {
    expect(parseNip('199001012027031001', earlyMorning)).toMatchObject({ ok: true });
  });

  it('still refuses next month', () => {
    expect(parseNip('199001012027041001', earlyMorning)).toMatchObject({ ok: false, part: 'appointment' });
  });
});
