import { EVENT_CONTRACTS, type EventContract } from '@kompeten/contracts';
import { UnknownSchemaVersionError } from '../store/errors';
import { contractUpcasters } from './contract-upcasters';

// StaffRegistered as a release that moved the unit into `workUnit` (v2) and renamed `nama` (v3)
// would declare it. Frozen v1 data, exactly as that old release stored it.
const FROZEN_V1 = Object.freeze({ nip: '198609262015051001', nama: 'Siti Rahmah', unit: 'DINKES' });
const staffRegistered = EVENT_CONTRACTS.find((c) => c.type === 'StaffRegistered')!;
const v3: EventContract = {
  ...staffRegistered,
  version: 3,
  upcasters: [
    { fromVersion: 2, upcast: ({ nama, ...rest }) => ({ ...rest, name: nama }) },
    { fromVersion: 1, upcast: ({ unit, ...rest }) => ({ ...rest, workUnit: { opd: unit } }) },
  ],
};
const withV3 = EVENT_CONTRACTS.map((c) => (c === staffRegistered ? v3 : c));

describe('the registry built from the contracts', () => {
  it('knows the current version of every contract in libs/contracts', () => {
    const registry = contractUpcasters();
    for (const c of EVENT_CONTRACTS) expect(registry.currentVersion(c.type)).toBe(c.version);
  });

  it('brings a v1 event to the current version through each contract upcaster in turn', () => {
    expect(contractUpcasters(withV3).upcast('StaffRegistered', 1, FROZEN_V1)).toEqual({
      schemaVersion: 3,
      data: { nip: '198609262015051001', name: 'Siti Rahmah', workUnit: { opd: 'DINKES' } },
    });
  });

  it('leaves the other types as they are', () => {
    const data = { nip: '198609262015051001', reason: 'retired', effectiveOn: '2026-01-01' };
    expect(contractUpcasters(withV3).upcast('StaffLeft', 1, data)).toEqual({ schemaVersion: 1, data });
  });

  it('refuses a version newer than the contract (an old reader meets a new event)', () => {
    expect(() => contractUpcasters().upcast('StaffRegistered', staffRegistered.version + 1, {})).toThrow(
      UnknownSchemaVersionError,
    );
  });

  it('refuses a contract whose older version has no upcaster: its stored events could not be read', () => {
    const gap: EventContract = { ...v3, upcasters: v3.upcasters!.filter((u) => u.fromVersion === 2) };
    expect(() => contractUpcasters([gap])).toThrow('StaffRegistered: no upcaster from v1 to v2');
  });

  it('refuses an upcaster from the current version or beyond', () => {
    const beyond: EventContract = { ...staffRegistered, version: 1, upcasters: [{ fromVersion: 1, upcast: (d) => d }] };
    expect(() => contractUpcasters([beyond])).toThrow('an upcaster from v1, but the current version is v1');
  });

  it('refuses a type declared twice, so that a variant replaces a contract rather than shadowing it', () => {
    expect(() => contractUpcasters([...EVENT_CONTRACTS, v3])).toThrow(
      'event type StaffRegistered is declared by more than one contract',
    );
  });
});
