/**
 * Server-side sessions. The browser holds a random token; the database holds its SHA-256 digest,
 * so reading the file (a backup, a leaked copy) does not let anyone sign in.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { randomToken, tokenDigest } from './secret-token.ts';
import { type User, USER_COLUMNS, userFromRow } from './user-row.ts';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is rewritten at most this often, so that reading pages does not mean writing the database. */
const TOUCH_EVERY_MS = 60 * 1000;

export async function openSession(db: Kysely<Database>, userId: number, now: Date): Promise<string> {
  const token = randomToken();
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('sessions')
    .values({
      token_hash: tokenDigest(token),
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
    })
    .execute();
  return token;
}

/** The active account a session token belongs to, or undefined when it is unknown, expired, idle or disabled. */
export async function sessionUser(db: Kysely<Database>, token: string, now: Date): Promise<User | undefined> {
  const tokenHash = tokenDigest(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...USER_COLUMNS, 'sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined || row.disabled_at !== null) return undefined;
  const lastSeen = Date.parse(row.last_seen_at);
  if (now.getTime() >= Date.parse(row.expires_at) || now.getTime() - lastSeen >= SESSION_IDLE_MS) {
    await closeSession(db, token);
    return undefined;
  }
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  return userFromRow(row);
}

export async function closeSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenDigest(token)).execute();
}
