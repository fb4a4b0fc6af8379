import { authorise } from './authorise';
import type { Principal } from './principal';

const as = (roles: Principal['roles'], extra: Partial<Principal> = {}): Principal => ({ sub: 'u', roles, ...extra });
const get = (params: Record<string, string> = {}, query: Record<string, unknown> = {}) => ({
  method: 'GET',
  params,
  query,
});
const post = (params: Record<string, string> = {}, body: Record<string, unknown> = {}) => ({
  method: 'POST',
  params,
  query: {},
  body,
});

describe('authorisation by role and scope', () => {
  it('lets admin do everything and auditors read everything but write nothing', () => {
    expect(authorise({ roles: [] }, as(['admin']), post()).allowed).toBe(true);
    expect(authorise({ roles: ['training-officer'] }, as(['auditor']), get()).allowed).toBe(true);
    expect(authorise({ roles: ['training-officer'] }, as(['auditor']), post()).allowed).toBe(false);
  });
  it('keeps a unit-head to their own unit', () => {
    const rule = { roles: ['unit-head' as const], unitParam: 'opd' };
    expect(authorise(rule, as(['unit-head'], { unit: 'DINKES' }), get({ opd: 'DINKES' })).allowed).toBe(true);
    expect(authorise(rule, as(['unit-head'], { unit: 'DINKES' }), get({ opd: 'BPBD' })).allowed).toBe(false);
    expect(
      authorise(
        { roles: ['unit-head'], unitQuery: true },
        as(['unit-head'], { unit: 'DINKES' }),
        get({}, { opd: 'BPBD' }),
      ).allowed,
    ).toBe(false);
  });
  it('keeps staff to their own record, by path or by body', () => {
    expect(
      authorise({ roles: ['staff'], selfParam: 'nip' }, as(['staff'], { nip: '1' }), post({ nip: '1' })).allowed,
    ).toBe(true);
    expect(
      authorise({ roles: ['staff'], selfParam: 'nip' }, as(['staff'], { nip: '1' }), post({ nip: '2' })).allowed,
    ).toBe(false);
    expect(
      authorise({ roles: ['staff'], selfBody: 'nip' }, as(['staff'], { nip: '1' }), post({}, { nip: '2' })).allowed,
    ).toBe(false);
    expect(authorise({ roles: ['staff'] }, as(['staff'], { nip: '1' }), get()).allowed).toBe(true); // the route filters
    expect(authorise({ roles: ['staff'], selfParam: 'nip' }, as(['staff']), get({ nip: '1' })).allowed).toBe(false); // no NIP claim
  });
  it('lets staff leave a self query field out or set it to their own NIP, never to another', () => {
    const rule = { roles: ['staff' as const, 'unit-head' as const], selfQuery: 'eligibleFor' };
    expect(authorise(rule, as(['staff'], { nip: '1' }), get()).allowed).toBe(true);
    expect(authorise(rule, as(['staff'], { nip: '1' }), get({}, { eligibleFor: '1' })).allowed).toBe(true);
    expect(authorise(rule, as(['staff'], { nip: '1' }), get({}, { eligibleFor: '2' })).allowed).toBe(false);
    expect(authorise(rule, as(['staff']), get({}, { eligibleFor: '2' })).allowed).toBe(false); // no NIP claim
    expect(authorise(rule, as(['unit-head'], { unit: 'DINKES' }), get({}, { eligibleFor: '2' })).allowed).toBe(true);
  });
  it('refuses a role the route does not name, and a token with no known role', () => {
    expect(authorise({ roles: ['training-officer'] }, as(['kiosk']), post()).allowed).toBe(false);
    expect(authorise({ roles: ['training-officer'] }, as([]), get()).allowed).toBe(false);
  });
});
