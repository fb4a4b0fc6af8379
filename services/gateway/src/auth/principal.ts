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
  /** When the token expires (claim `exp`, ms since the epoch): a live feed is closed then. */
  expiresAt?: number;
  /** The token itself, by a digest (never the token): live feeds are counted per token. */
  tokenId?: string;
}

/** `actor` as written into events: the strongest role and the subject. */
export const actorOf = (p: Principal) => `${p.roles[0] ?? 'none'}:${p.sub}`;
