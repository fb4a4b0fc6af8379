import { SetMetadata } from '@nestjs/common';
import type { Role } from './principal';

/**
 * Who may call a route. `admin` may call every route; `auditor` every GET route (read everything,
 * write nothing). Scopes narrow a role to its own data:
 *  - `unitParam` / `unitQuery`: a unit-head only for their own OPD (route param, or `opd` query — filled in when absent);
 *  - `selfParam`: a staff member only for their own NIP.
 */
export interface AccessRule {
  roles: Role[];
  unitParam?: string;
  unitQuery?: boolean;
  selfParam?: string;
  /** A staff member only when the body's field (e.g. `nip`) is their own NIP. */
  selfBody?: string;
  /** No token needed (the public scorecard). */
  public?: boolean;
}

export const ACCESS = 'kompeten:access';
export const Access = (rule: AccessRule) => SetMetadata(ACCESS, rule);
export const Public = () => SetMetadata(ACCESS, { roles: [], public: true } satisfies AccessRule);
