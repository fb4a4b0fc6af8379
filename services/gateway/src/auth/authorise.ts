import type { AccessRule } from './access.decorator';
import type { Principal } from './principal';

export interface RequestFacts {
  method: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: Record<string, unknown>;
}

/** Allowed, or the reason it is not. Pure: the role matrix is tested on it and through HTTP. */
export function authorise(
  rule: AccessRule,
  p: Principal,
  req: RequestFacts,
): { allowed: true } | { allowed: false; reason: string } {
  if (p.roles.includes('admin')) return { allowed: true };
  if (p.roles.includes('auditor') && req.method === 'GET') return { allowed: true };
  const roles = p.roles.filter((r) => rule.roles.includes(r));
  if (roles.length === 0)
    return {
      allowed: false,
      reason: `requires one of: ${['admin', ...rule.roles].join(', ')}${req.method === 'GET' ? ', auditor' : ''}`,
    };
  // A role that passes without a scope (e.g. training-officer) wins over a scoped one.
  for (const role of roles) {
    if (role === 'unit-head') {
      if (!p.unit) continue;
      if (rule.unitParam && req.params[rule.unitParam] !== p.unit) continue;
      if (rule.unitQuery && req.query.opd !== undefined && req.query.opd !== p.unit) continue;
      return { allowed: true };
    }
    if (role === 'staff') {
      // A query field about a staff member (e.g. eligibleFor): absent, or their own NIP.
      if (rule.selfQuery && req.query[rule.selfQuery] !== undefined && (!p.nip || req.query[rule.selfQuery] !== p.nip))
        continue;
      // Without a self scope the route itself filters what staff see (e.g. the programme catalogue).
      if (!rule.selfParam && !rule.selfBody) return { allowed: true };
      const own = rule.selfParam ? req.params[rule.selfParam] : req.body?.[rule.selfBody as string];
      if (!p.nip || own !== p.nip) continue;
      return { allowed: true };
    }
    return { allowed: true };
  }
  return { allowed: false, reason: 'outside your scope (a unit-head sees their own unit, staff their own record)' };
}
