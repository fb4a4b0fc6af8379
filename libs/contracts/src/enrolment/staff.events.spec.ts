import { STAFF_EVENTS, type StaffRegistered, type StaffRegisteredV1 } from './staff.events';

const contract = STAFF_EVENTS.find((c) => c.type === 'StaffRegistered')!;
/** StaffRegistered as v1 stored it, frozen. */
const V1: StaffRegisteredV1 = Object.freeze({
  nip: '198609262015051001',
  name: 'Siti Rahmah',
  employmentType: 'PNS',
  workUnit: { opd: 'DINKES', serviceUnit: 'PUSKESMAS-GULAI-BANCAH' },
  position: 'Perawat',
  registeredOn: '2019-03-01',
});

describe('StaffRegistered v2', () => {
  it('is version 2, with an upcaster from v1', () => {
    expect(contract.version).toBe(2);
    expect(contract.upcasters?.map((u) => u.fromVersion)).toEqual([1]);
  });

  it('reads a v1 registration as holding its position since it was registered', () => {
    const upcast = contract.upcasters![0].upcast(V1);
    expect(upcast).toEqual<StaffRegistered['data']>({ ...V1, positionSince: '2019-03-01' });
  });
});
