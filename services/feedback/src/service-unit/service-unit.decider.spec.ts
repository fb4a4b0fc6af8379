import type { ServiceUnitEvent } from '@kompeten/contracts';
import { DomainError, givenEvents } from '@kompeten/domain';
import { ServiceUnitDetails, serviceUnitDecider } from './service-unit.decider';

const details: ServiceUnitDetails = {
  name: 'Puskesmas Gulai Bancah',
  opd: 'DINKES',
  kind: 'puskesmas',
  annualServiceUsers: 12000,
  services: [
    { code: 'POLI-UMUM', name: 'Poli umum' },
    { code: 'KIA', name: 'Kesehatan ibu dan anak' },
  ],
};
const registered: ServiceUnitEvent = {
  type: 'ServiceUnitRegistered',
  data: { unitCode: 'PKM-GB', ...details, registeredOn: '2026-01-05' },
};
const given = (...events: ServiceUnitEvent[]) => givenEvents(serviceUnitDecider, events);
const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('service units', () => {
  it('registers a unit with its services and yearly service users', () => {
    expect(given().when({ type: 'RegisterServiceUnit', unitCode: 'PKM-GB', details, today: '2026-01-05' })).toEqual([
      registered,
    ]);
  });

  it('refuses a second registration and duplicate service codes', () => {
    expect(
      problemOf(() =>
        given(registered).when({ type: 'RegisterServiceUnit', unitCode: 'PKM-GB', details, today: '2026-01-06' }),
      ).kind,
    ).toBe('conflict');
    const twice = { ...details, services: [details.services[0], details.services[0]] };
    expect(
      problemOf(() => given().when({ type: 'RegisterServiceUnit', unitCode: 'X', details: twice, today: '2026-01-06' }))
        .extensions,
    ).toMatchObject({ errors: [{ field: 'services' }] });
  });

  it('records only what a revision changes', () => {
    expect(
      given(registered).when({
        type: 'ReviseServiceUnit',
        unitCode: 'PKM-GB',
        changes: { annualServiceUsers: 15000, name: details.name },
      }),
    ).toEqual([{ type: 'ServiceUnitRevised', data: { unitCode: 'PKM-GB', changes: { annualServiceUsers: 15000 } } }]);
    expect(
      given(registered).when({ type: 'ReviseServiceUnit', unitCode: 'PKM-GB', changes: { annualServiceUsers: 12000 } }),
    ).toEqual([]);
    expect(problemOf(() => given().when({ type: 'ReviseServiceUnit', unitCode: 'PKM-GB', changes: {} })).kind).toBe(
      'not-found',
    );
  });
});
