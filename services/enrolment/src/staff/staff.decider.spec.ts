import type { StaffEvent, WorkUnit } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { type StaffCommand, staffDecider } from './staff.decider';

const NIP = '198609262015051001';
const PKM: WorkUnit = { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' };
const registered: StaffEvent = {
  type: 'StaffRegistered',
  data: {
    nip: NIP,
    name: 'Siti Rahmah',
    employmentType: 'PNS',
    workUnit: PKM,
    position: 'Perawat',
    registeredOn: '2026-01-05',
    positionSince: '2026-01-05',
  },
};
const given = (...events: StaffEvent[]) => givenEvents(staffDecider, events);
const TODAY = '2026-12-07';
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('the staff roster', () => {
  it('registers a staff member', () => {
    expect(
      given().when({
        type: 'RegisterStaff',
        nip: NIP,
        name: 'Siti Rahmah',
        employmentType: 'PNS',
        workUnit: PKM,
        position: 'Perawat',
        today: '2026-01-05',
      }),
    ).toEqual([registered]);
  });
  it('refuses to register the same NIP twice', () => {
    expect(
      problemOf(() =>
        given(registered).when({
          type: 'RegisterStaff',
          nip: NIP,
          name: 'x',
          employmentType: 'PNS',
          workUnit: PKM,
          position: 'x',
          today: '2026-01-05',
        }),
      ).kind,
    ).toBe('conflict');
  });
  it('transfers between units, keeping where they came from', () => {
    expect(
      given(registered).when({
        type: 'TransferStaff',
        nip: NIP,
        to: { opd: 'BPBD' },
        position: 'Analis Kebencanaan',
        effectiveOn: '2026-06-01',
        today: TODAY,
      }),
    ).toEqual([
      {
        type: 'StaffTransferred',
        data: { nip: NIP, from: PKM, to: { opd: 'BPBD' }, position: 'Analis Kebencanaan', effectiveOn: '2026-06-01' },
      },
    ]);
  });
  it('treats a transfer to where they already are as already done', () => {
    expect(
      given(registered).when({
        type: 'TransferStaff',
        nip: NIP,
        to: { ...PKM },
        effectiveOn: '2026-06-01',
        today: TODAY,
      }),
    ).toEqual([]);
  });
  it('records retirement, after which nothing else changes', () => {
    const left: StaffEvent = { type: 'StaffLeft', data: { nip: NIP, reason: 'retired', effectiveOn: '2026-12-31' } };
    expect(
      given(registered).when({
        type: 'RecordStaffDeparture',
        nip: NIP,
        reason: 'retired',
        effectiveOn: '2026-12-31',
        today: '2026-12-31',
      }),
    ).toEqual([left]);
    expect(
      problemOf(() =>
        given(registered, left).when({
          type: 'TransferStaff',
          nip: NIP,
          to: { opd: 'BPBD' },
          effectiveOn: '2027-01-01',
          today: '2027-01-01',
        }),
      ).kind,
    ).toBe('conflict');
  });
  it('answers commands for unknown staff with 404', () => {
    expect(
      problemOf(() =>
        given().when({
          type: 'RecordStaffDeparture',
          nip: NIP,
          reason: 'retired',
          effectiveOn: '2026-12-31',
          today: '2026-12-31',
        }),
      ).kind,
    ).toBe('not-found');
  });
});

describe('dates the business gives', () => {
  const register = (over: Partial<Extract<StaffCommand, { type: 'RegisterStaff' }>> = {}) =>
    given().when({
      type: 'RegisterStaff',
      nip: NIP,
      name: 'Siti Rahmah',
      employmentType: 'PNS',
      workUnit: PKM,
      position: 'Perawat',
      today: TODAY,
      ...over,
    });
  const refusal = (f: () => unknown) => {
    const e = problemOf(f);
    return { kind: e.kind, field: (e.extensions?.errors as { field: string }[] | undefined)?.[0]?.field };
  };

  describe('given staff registered without dates', () => {
    it('registers them as of the city’s today, in their position since then', () => {
      expect(register()).toEqual([
        { type: 'StaffRegistered', data: { ...registered.data, registeredOn: TODAY, positionSince: TODAY } },
      ]);
    });
  });

  describe('given staff serving since before go-live', () => {
    it('registers them with their real dates', () => {
      expect(register({ registeredOn: '2015-05-04', positionSince: '2021-01-04' })).toEqual([
        {
          type: 'StaffRegistered',
          data: { ...registered.data, registeredOn: '2015-05-04', positionSince: '2021-01-04' },
        },
      ]);
    });
    it('takes the position to have begun with the registration when no positionSince is given', () => {
      expect(register({ registeredOn: '2019-03-01' })[0].data).toMatchObject({
        registeredOn: '2019-03-01',
        positionSince: '2019-03-01',
      });
    });
  });

  it('refuses a registeredOn after the city’s today with 400 naming registeredOn', () => {
    expect(refusal(() => register({ registeredOn: '2026-12-08' }))).toEqual({ kind: 'invalid', field: 'registeredOn' });
  });
  it('refuses a positionSince after the city’s today, or before registeredOn, with 400 naming positionSince', () => {
    expect(refusal(() => register({ positionSince: '2026-12-08' }))).toEqual({
      kind: 'invalid',
      field: 'positionSince',
    });
    expect(refusal(() => register({ registeredOn: '2020-01-02', positionSince: '2019-12-31' }))).toEqual({
      kind: 'invalid',
      field: 'positionSince',
    });
  });
  it('takes "today" from the command: at 03:00 WIB on 1 January the city’s 1 January is not in the future', () => {
    expect(register({ registeredOn: '2027-01-01', today: '2027-01-01' })[0].data).toMatchObject({
      registeredOn: '2027-01-01',
    });
  });

  describe('the appointment month (TMT) in a PNS NIP', () => {
    // NIP 198609262015051001: appointed May 2015.
    it('refuses a PNS registered before their appointment month', () => {
      expect(refusal(() => register({ registeredOn: '2015-04-30' }))).toEqual({
        kind: 'invalid',
        field: 'registeredOn',
      });
    });
    it('accepts a PNS registered in their appointment month', () => {
      expect(register({ registeredOn: '2015-05-01' })[0].data).toMatchObject({ registeredOn: '2015-05-01' });
    });
    it('does not bind a PPPK contract to the NIP', () => {
      expect(register({ employmentType: 'PPPK', registeredOn: '2014-01-02' })[0].data).toMatchObject({
        employmentType: 'PPPK',
        registeredOn: '2014-01-02',
      });
    });
  });

  describe('transfers and departures take effect on a city date that has come, in order', () => {
    const transfer = (effectiveOn: string, today = TODAY, position?: string) =>
      ({ type: 'TransferStaff', nip: NIP, to: { opd: 'BPBD' }, position, effectiveOn, today }) as const;
    const depart = (effectiveOn: string, today = TODAY) =>
      ({ type: 'RecordStaffDeparture', nip: NIP, reason: 'resigned', effectiveOn, today }) as const;
    const moved: StaffEvent = {
      type: 'StaffTransferred',
      data: { nip: NIP, from: PKM, to: { opd: 'BPBD' }, position: 'Analis Kebencanaan', effectiveOn: '2026-06-01' },
    };

    it('refuses an effectiveOn after the city’s today with 400 naming effectiveOn', () => {
      expect(refusal(() => given(registered).when(transfer('2026-12-08')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
      expect(refusal(() => given(registered).when(depart('2026-12-08')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
    });
    it('accepts the city’s today, even when UTC is still on the previous day', () => {
      expect(given(registered).when(transfer('2027-01-01', '2027-01-01'))).toHaveLength(1);
    });
    it('refuses an effectiveOn before the registration', () => {
      expect(refusal(() => given(registered).when(transfer('2026-01-04')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
      expect(refusal(() => given(registered).when(depart('2026-01-04')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
    });
    it('refuses an effectiveOn before the start in the registered position', () => {
      const later: StaffEvent = { ...registered, data: { ...registered.data, positionSince: '2026-03-01' } };
      expect(refusal(() => given(later).when(transfer('2026-02-01')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
    });
    it('refuses a transfer or departure dated before the last transfer', () => {
      expect(refusal(() => given(registered, moved).when(transfer('2026-05-31', TODAY, 'Perawat')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
      expect(refusal(() => given(registered, moved).when(depart('2026-05-31')))).toEqual({
        kind: 'invalid',
        field: 'effectiveOn',
      });
      expect(given(registered, moved).when(depart('2026-06-01'))).toHaveLength(1);
    });
    it('keeps the dates in the state: registration, start in the position (moved by a change of position)', () => {
      expect(given(registered, moved).state).toMatchObject({
        registeredOn: '2026-01-05',
        positionSince: '2026-06-01',
        currentSince: '2026-06-01',
      });
      const sameJob: StaffEvent = { ...moved, data: { ...moved.data, position: 'Perawat' } };
      expect(given(registered, sameJob).state).toMatchObject({
        positionSince: '2026-01-05',
        currentSince: '2026-06-01',
      });
    });
  });
});
