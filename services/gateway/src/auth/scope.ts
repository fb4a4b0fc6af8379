import { ForbiddenException } from '@nestjs/common';
import type { Principal } from './principal';

const unscoped = (p: Principal) => p.roles.some((r) => r === 'admin' || r === 'auditor' || r === 'training-officer');

/** The OPD a list query is about: a unit-head's own unit when they name none. */
export function scopedOpd(p: Principal | undefined, requested: string | undefined): string | undefined {
  if (!p || unscoped(p) || !p.roles.includes('unit-head')) return requested;
  return requested ?? p.unit;
}

/**
 * For routes keyed by something other than the unit (a staff member's profile), the answer says
 * which unit it belongs to; a unit-head may only see their own, a staff member only themselves.
 */
export function assertMayRead(p: Principal | undefined, owner: { opd?: string | null; nip?: string | null }): void {
  if (!p || unscoped(p)) return;
  if (p.roles.includes('unit-head') && p.unit && owner.opd === p.unit) return;
  if (p.roles.includes('staff') && p.nip && owner.nip === p.nip) return;
  throw new ForbiddenException('outside your scope (a unit-head sees their own unit, staff their own record)');
}

/**
 * Citizens' comments and contact details of a unit (personal data): admins, and the head of that
 * very unit. Another role held beside unit-head (auditor, training-officer) widens what a token may
 * read city-wide, never whose personal data it may read.
 */
export const mayReadPersonal = (p: Principal | undefined, opd: string | null | undefined): boolean =>
  Boolean(p?.roles.includes('admin') || (p?.roles.includes('unit-head') && p.unit && opd === p.unit));
