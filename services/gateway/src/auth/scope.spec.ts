import { mayReadPersonal } from './scope';

describe('who may read citizens’ comments and contacts of a unit', () => {
  it('admins, and the head of that very unit', () => {
    expect(mayReadPersonal({ sub: 'a', roles: ['admin'] }, 'DINKES')).toBe(true);
    expect(mayReadPersonal({ sub: 'h', roles: ['unit-head'], unit: 'DINKES' }, 'DINKES')).toBe(true);
  });

  it('not a head of another unit, whatever other roles the token holds', () => {
    for (const other of ['auditor', 'training-officer', 'staff', 'kiosk'] as const)
      expect(mayReadPersonal({ sub: 'h', roles: ['unit-head', other], unit: 'DINSOS' }, 'DINKES')).toBe(false);
    expect(mayReadPersonal({ sub: 'h', roles: ['unit-head'] }, undefined)).toBe(false);
    expect(mayReadPersonal({ sub: 'h', roles: ['unit-head'], unit: 'DINKES' }, null)).toBe(false);
  });

  it('not auditors or training officers on their own', () => {
    expect(mayReadPersonal({ sub: 'x', roles: ['auditor'] }, 'DINKES')).toBe(false);
    expect(mayReadPersonal({ sub: 'x', roles: ['training-officer'] }, 'DINKES')).toBe(false);
    expect(mayReadPersonal(undefined, 'DINKES')).toBe(false);
  });
});
