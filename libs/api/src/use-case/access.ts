/** The roles of Kompeten (DESIGN.md): a token carries one or more. */
/** `learning-platform`: a platform's own client (OAuth client credentials) posting xAPI statements, nothing else. */
export const ROLES = [
  'admin',
  'training-officer',
  'unit-head',
  'staff',
  'auditor',
  'kiosk',
  'learning-platform',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a use case through the gateway. `admin` may call every route; `auditor` every GET
 * (read everything, write nothing). Scopes narrow a role to its own data:
 *  - `unitParam` / `unitQuery`: a unit-head only for their own OPD (route param, or `opd` query — filled in when absent);
 *  - `selfParam` / `selfBody`: a staff member only for their own NIP (route param, or body field);
 *  - `selfQuery`: a query field a staff member may leave out or set to their own NIP only (e.g. `eligibleFor`);
 *  - `owner`: for answers keyed by something else (a budget, a profile), where in the answer its
 *    OPD and NIP are: a unit-head may read it only if it is their unit's, a staff member only their own.
 */
export interface AccessRule {
  roles: readonly Role[];
  unitParam?: string;
  unitQuery?: boolean;
  selfParam?: string;
  selfBody?: string;
  selfQuery?: string;
  owner?: { opd?: string; nip?: string };
  /** No token needed (citizens). */
  public?: boolean;
}
