/**
 * API tokens for scripts: created and revoked by administrators, shown once, stored as a digest.
 * A token acts with its own role (reader or curator) and under its own name in the history, but
 * lives no longer than its creator's account: disabling the account revokes its tokens.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Role } from './roles.ts';
import { randomToken, tokenDigest } from './secret-token.ts';

export interface ApiToken {
  id: number;
  name: string;
  role: Role;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Recognisable in logs and secret scanners. */
const PREFIX = 'sdc_';
const TOUCH_EVERY_MS = 60 * 1000;

export async function createApiToken(db: Kysely<Database>, input: { name: string; role: Role; createdBy: number }): Promise<{ token: string; id: number }> {
  const token = `${PREFIX}${randomToken()}`;
  const { id } = await db
    .insertInto('api_tokens')
    .values({ name: input.name, role: input.role, token_hash: tokenDigest(token), created_by: input.createdBy, created_at: new Date().toISOString(), last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id };
}

export async function listApiTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.role', 'users.email', 'api_tokens.created_at', 'api_tokens.last_used_at', 'api_tokens.revoked_at'])
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    createdBy: row.email,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }));
}

export async function revokeApiToken(db: Kysely<Database>, id: number): Promise<boolean> {
  const { numUpdatedRows } = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return numUpdatedRows === 1n;
}

/** Revokes the live tokens an account created (when it is disabled: someone who left takes their scripts' access along). */
export async function revokeApiTokensCreatedBy(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('created_by', '=', userId).where('revoked_at', 'is', null).execute();
}

/** The live token presented, or undefined (unknown, revoked, or its creator disabled). */
export async function apiTokenFor(db: Kysely<Database>, token: string, now: Date): Promise<{ id: number; name: string; role: Role } | undefined> {
  if (!token.startsWith(PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.created_by')
    .select(['api_tokens.id', 'api_tokens.name', 'api_tokens.role', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenDigest(token))
    .where('api_tokens.revoked_at', 'is', null)
    // Also for accounts disabled before their tokens were revoked with them.
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name, role: row.role };
}
