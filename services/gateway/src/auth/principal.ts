import type { Role } from '@kompeten/api';

export { ROLES } from '@kompeten/api';
export type { Role };

/** Who is calling, from a verified token. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** unit-head: the OPD they head (claim `unit`). */
  unit?: string;
  /** staff: their own NIP (claim `nip`). */
  nip?: string;
}

/** `actor` as written into events: the strongest role and the subject. */
export const actorOf = (p: Principal) => `${p.roles[0] ?? 'none'}:${p.sub}`;
