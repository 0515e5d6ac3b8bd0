/**
 * Accounts: the first administrator is created from the command line (scripts/user.ts); the others
 * by administrators in the console (auth/account-commands.ts, which records each change).
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { revokeAccountLinks } from './account-links.ts';
import { revokeApiTokensCreatedBy } from './api-tokens.ts';
import { decoyHash, hashPassword, PASSWORD_MAX_LENGTH, type PasswordProblem, passwordProblem, verifyPassword } from './password.ts';
import type { Role } from './roles.ts';
import { NO_PASSWORD, type User, USER_COLUMNS, userFromRow } from './user-row.ts';

export type { User } from './user-row.ts';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));

export type AccountProblem = PasswordProblem | 'invalid-email' | 'exists' | 'unknown' | 'last-admin';

export async function createUser(
  db: Kysely<Database>,
  input: { email: string; role: Role; password: string },
): Promise<{ ok: true; user: User } | { ok: false; problem: AccountProblem }> {
  const problem = passwordProblem(input.password);
  if (problem !== null) return { ok: false, problem };
  return insertUser(db, { email: input.email, role: input.role, passwordHash: await hashPassword(input.password), mustChangePassword: false });
}

/** Inserts an account with a hash already made (or NO_PASSWORD); refuses an invalid or taken email. */
export async function insertUser(
  db: Kysely<Database>,
  input: { email: string; role: Role; passwordHash: string; mustChangePassword: boolean },
): Promise<{ ok: true; user: User } | { ok: false; problem: 'invalid-email' | 'exists' }> {
  const email = EmailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, problem: 'invalid-email' };
  const existing = await db.selectFrom('users').select('id').where('email', '=', email.data).executeTakeFirst();
  if (existing !== undefined) return { ok: false, problem: 'exists' };
  const row = await db
    .insertInto('users')
    .values({
      email: email.data,
      role: input.role,
      password_hash: input.passwordHash,
      created_at: new Date().toISOString(),
      disabled_at: null,
      must_change_password: input.mustChangePassword ? 1 : 0,
    })
    .returning(['id', 'email', 'role', 'created_at', 'disabled_at', 'password_hash', 'must_change_password'])
    .executeTakeFirstOrThrow();
  return { ok: true, user: userFromRow(row) };
}

export async function userByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  return row === undefined ? undefined : userFromRow(row);
}

export async function userById(db: Kysely<Database>, id: number): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : userFromRow(row);
}

export async function listUsers(db: Kysely<Database>): Promise<User[]> {
  return (await db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute()).map(userFromRow);
}

/**
 * The active account with this email and password, or null. Unknown accounts cost the same
 * scrypt time as wrong passwords, so response times do not reveal which emails exist.
 */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<User | null> {
  if (password.length > PASSWORD_MAX_LENGTH) return null;
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  // An account without a password (an invitation waits) costs the same time as any other.
  const stored = row === undefined || row.password_hash === NO_PASSWORD ? await decoyHash() : row.password_hash;
  const matches = await verifyPassword(password, stored);
  return row !== undefined && row.password_hash !== NO_PASSWORD && matches && row.disabled_at === null ? userFromRow(row) : null;
}

export async function setPassword(db: Kysely<Database>, email: string, password: string): Promise<{ ok: true } | { ok: false; problem: AccountProblem }> {
  const problem = passwordProblem(password);
  if (problem !== null) return { ok: false, problem };
  const user = await userByEmail(db, email);
  if (user === undefined) return { ok: false, problem: 'unknown' };
  await db.transaction().execute(async (trx) => {
    await replacePassword(trx, user.id, await hashPassword(password), { mustChange: false }, new Date());
  });
  return { ok: true };
}

/**
 * Puts a new password hash (or NO_PASSWORD) in place: the sessions opened with the old one close,
 * and links still waiting are revoked. Inside the caller's transaction.
 */
export async function replacePassword(trx: Transaction<Database>, userId: number, passwordHash: string, options: { mustChange: boolean }, now: Date): Promise<void> {
  await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: options.mustChange ? 1 : 0 }).where('id', '=', userId).execute();
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await revokeAccountLinks(trx, userId, now);
}

/** Changes a role or disables/enables an account; refuses to leave the server without an active administrator. */
export async function updateAccount(
  db: Kysely<Database>,
  id: number,
  change: { role?: Role; disabled?: boolean },
): Promise<{ ok: true; user: User } | { ok: false; problem: AccountProblem }> {
  return db.transaction().execute((trx) => applyAccountChange(trx, id, change));
}

/** updateAccount inside the caller's transaction (auth/account-commands.ts records the change with it). */
export async function applyAccountChange(
  trx: Transaction<Database>,
  id: number,
  change: { role?: Role; disabled?: boolean },
): Promise<{ ok: true; user: User } | { ok: false; problem: AccountProblem }> {
  const user = await userById(trx, id);
  if (user === undefined) return { ok: false, problem: 'unknown' };
  const role = change.role ?? user.role;
  const disabled = change.disabled ?? user.disabled;
  if (user.role === 'admin' && !user.disabled && !user.pending && (role !== 'admin' || disabled)) {
    // Only administrators who can sign in count: an invitation not yet accepted administers nothing.
    const { admins } = await trx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('admins'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .where('password_hash', '!=', NO_PASSWORD)
      .executeTakeFirstOrThrow();
    if (admins <= 1) return { ok: false, problem: 'last-admin' };
  }
  await trx
    .updateTable('users')
    .set({ role, disabled_at: disabled ? (user.disabled ? undefined : new Date().toISOString()) : null })
    .where('id', '=', id)
    .execute();
  if (disabled) {
    // Everything that acts for the account stops with it: its sessions, and the tokens it created.
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await revokeApiTokensCreatedBy(trx, id, new Date());
    await revokeAccountLinks(trx, id, new Date());
  }
  return { ok: true, user: { ...user, role, disabled } };
}
