import type { StaffEvent, WorkUnit } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { staffDecider } from './staff.decider';

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
  },
};
const given = (...events: StaffEvent[]) => givenEvents(staffDecider, events);
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
      given(registered).when({ type: 'TransferStaff', nip: NIP, to: { ...PKM }, effectiveOn: '2026-06-01' }),
    ).toEqual([]);
  });
  it('records retirement, after which nothing else changes', () => {
    const left: StaffEvent = { type: 'StaffLeft', data: { nip: NIP, reason: 'retired', effectiveOn: '2026-12-31' } };
    expect(
      given(registered).when({ type: 'RecordStaffDeparture', nip: NIP, reason: 'retired', effectiveOn: '2026-12-31' }),
    ).toEqual([left]);
    expect(
      problemOf(() =>
        given(registered, left).when({
          type: 'TransferStaff',
          nip: NIP,
          to: { opd: 'BPBD' },
          effectiveOn: '2027-01-01',
        }),
      ).kind,
    ).toBe('conflict');
  });
  it('answers commands for unknown staff with 404', () => {
    expect(
      problemOf(() =>
        given().when({ type: 'RecordStaffDeparture', nip: NIP, reason: 'retired', effectiveOn: '2026-12-31' }),
      ).kind,
    ).toBe('not-found');
  });
});
