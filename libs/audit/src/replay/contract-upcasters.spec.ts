import { EVENT_CONTRACTS, type EventContract } from '@kompeten/contracts';
import { serviceUpcasters } from './contract-upcasters';

// StaffRegistered as a release that moved the unit into `workUnit` would declare it (v2, with its
// upcaster in libs/contracts); frozen v1 data, as the old release stored it.
const FROZEN_V1 = Object.freeze({ nip: '198609262015051001', unit: 'DINKES' });
const staffRegistered = EVENT_CONTRACTS.find((c) => c.type === 'StaffRegistered')!;
const v2: EventContract = {
  ...staffRegistered,
  version: 2,
  upcasters: [{ fromVersion: 1, upcast: ({ unit, ...rest }) => ({ ...rest, workUnit: { opd: unit } }) }],
};
const withV2 = EVENT_CONTRACTS.map((c) => (c === staffRegistered ? v2 : c));

describe('the upcasters a replay opens a service’s log with', () => {
  it('are the service’s contracts’ current versions', () => {
    const registry = serviceUpcasters('feedback');
    for (const c of EVENT_CONTRACTS.filter((x) => x.service === 'feedback'))
      expect(registry.currentVersion(c.type)).toBe(c.version);
  });

  it('upcast an old version through the contract’s upcasters, as the service’s readers do', () => {
    expect(serviceUpcasters('enrolment', withV2).upcast('StaffRegistered', 1, FROZEN_V1)).toEqual({
      schemaVersion: 2,
      data: { nip: '198609262015051001', workUnit: { opd: 'DINKES' } },
    });
  });

  it('know only the service’s own contracts', () => {
    expect(serviceUpcasters('budget', withV2).currentVersion('StaffRegistered')).toBe(1);
    expect(serviceUpcasters('enrolment', withV2).currentVersion('StaffRegistered')).toBe(2);
  });
});
