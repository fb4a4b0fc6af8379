import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Whose sessions a feed shows: a staff member's, or a unit's staff (an OPD, or one of its service units). */
export type FeedSubject = { kind: 'staff'; nip: string } | { kind: 'unit'; opd: string; serviceUnit: string | null };

interface FeedRow {
  feed_id: string;
  kind: 'staff' | 'unit';
  nip: string | null;
  opd: string | null;
  service_unit: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The calendar feeds' tokens (table `calendar_feed`, see its migration for why it is a plain table).
 * A token is 32 random bytes, base64url: it is shown once and only its hash is kept, so neither a
 * database dump nor a backup can subscribe to anyone's calendar.
 */
export const calendarFeeds = (db: DataSource) => ({
  async create(subject: FeedSubject): Promise<{ feedId: string; token: string; createdAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const feedId = randomUUID();
    const [row] = await db.query<{ created_at: Date }[]>(
      `insert into calendar_feed (feed_id, token_hash, kind, nip, opd, service_unit) values ($1, $2, $3, $4, $5, $6)
       returning created_at`,
      [
        feedId,
        hashOf(token),
        subject.kind,
        subject.kind === 'staff' ? subject.nip : null,
        subject.kind === 'unit' ? subject.opd : null,
        subject.kind === 'unit' ? subject.serviceUnit : null,
      ],
    );
    return { feedId, token, createdAt: row.created_at };
  },

  /**
   * Revokes the feed if it is the subject's (a staff member revokes only their own, a unit head only
   * their OPD's). Undefined when there is no such feed; a second revocation keeps the first one's time.
   */
  async revoke(
    feedId: string,
    owner: { nip: string } | { opd: string },
  ): Promise<{ revokedAt: Date; already: boolean } | undefined> {
    const [column, value] = 'nip' in owner ? ['nip', owner.nip] : ['opd', owner.opd];
    // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count]. `now()` is this
    // transaction's time, so a revocation time that differs from it is an earlier one.
    const [row] = await db.query<{ revoked_at: Date; already: boolean }[]>(
      `with revoked as (
         update calendar_feed set revoked_at = coalesce(revoked_at, now())
          where feed_id = $1 and ${column} = $2
          returning revoked_at)
       select revoked_at, revoked_at <> now() as already from revoked`,
      [feedId, value],
    );
    return row && { revokedAt: row.revoked_at, already: row.already };
  },

  /** The live feed with this token and its subject; undefined for an unknown or revoked one. */
  async byToken(token: string): Promise<{ feedId: string; subject: FeedSubject } | undefined> {
    const [row] = await db.query<FeedRow[]>(
      'select * from calendar_feed where token_hash = $1 and revoked_at is null',
      [hashOf(token)],
    );
    if (!row) return undefined;
    const subject: FeedSubject =
      row.kind === 'staff'
        ? { kind: 'staff', nip: row.nip! }
        : { kind: 'unit', opd: row.opd!, serviceUnit: row.service_unit };
    return { feedId: row.feed_id, subject };
  },
});
