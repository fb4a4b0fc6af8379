/** The roles of Kompeten (DESIGN.md, issue 8). */
export const ROLES = ['admin', 'training-officer', 'unit-head', 'staff', 'auditor', 'kiosk'] as const;
export type Role = (typeof ROLES)[number];

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
