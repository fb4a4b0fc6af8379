import { rolesFrom } from './token-verifier';

describe('the roles a token grants', () => {
  it('reads `roles`, or Keycloak’s realm roles, ignoring roles Kompeten does not know', () => {
    expect(rolesFrom({ roles: ['unit-head', 'offline_access'] })).toEqual(['unit-head']);
    expect(rolesFrom({ realm_access: { roles: ['auditor', 'uma_authorization'] } })).toEqual(['auditor']);
  });

  it('takes only an array of strings: a string that contains a role’s name is not a role list', () => {
    expect(rolesFrom({ roles: 'admin' })).toEqual([]);
    expect(rolesFrom({ roles: 'not-an-admin, unit-head' })).toEqual([]);
    expect(rolesFrom({ realm_access: { roles: 'admin' } })).toEqual([]);
    expect(rolesFrom({ roles: [['admin'], { admin: true }, 'staff'] })).toEqual(['staff']);
    // A malformed `roles` claim is not made good by another claim.
    expect(rolesFrom({ roles: 'admin', realm_access: { roles: ['admin'] } })).toEqual([]);
  });

  it('with a client id, reads only the client’s own roles (resource_access.<client>.roles)', () => {
    const payload = {
      roles: ['admin'],
      realm_access: { roles: ['admin'] },
      resource_access: { kompeten: { roles: ['training-officer'] }, 'other-app': { roles: ['admin'] } },
    };
    expect(rolesFrom(payload, 'kompeten')).toEqual(['training-officer']);
    expect(rolesFrom(payload, 'absent-client')).toEqual([]);
    expect(rolesFrom({ resource_access: { kompeten: { roles: 'admin' } } }, 'kompeten')).toEqual([]);
    expect(rolesFrom({ resource_access: 'kompeten' }, 'kompeten')).toEqual([]);
  });
});
