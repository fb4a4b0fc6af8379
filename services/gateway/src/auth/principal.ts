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
  /**
   * The OAuth client the token was issued to (`client_id`, else `azp`): a learning platform's
   * client-credentials token is the platform itself, so this is what the registry knows it by.
   */
  clientId?: string;
  /** When the token expires (claim `exp`, ms since the epoch): a live feed is closed then. */
  expiresAt?: number;
  /** The token itself, by a digest (never the token): live feeds are counted per token. */
  tokenId?: string;
}

/** Is the caller a learning platform's own client (role and client id both), as the xAPI resource needs? */
export const isLearningPlatform = (p: Principal | undefined): p is Principal & { clientId: string } =>
  Boolean(p?.roles.includes('learning-platform') && p.clientId);

/**
 * `actor` as written into events: the strongest role and the subject; a learning platform by its
 * client id (`learning-platform:<clientId>`: a service account's `sub` is an opaque id, the client id is its name).
 */
export const actorOf = (p: Principal) =>
  isLearningPlatform(p) ? `learning-platform:${p.clientId}` : `${p.roles[0] ?? 'none'}:${p.sub}`;
