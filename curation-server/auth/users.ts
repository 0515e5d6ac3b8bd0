/** Accounts: created from the command line (scripts/user.ts), managed by administrators in the console. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { revokeApiTokensCreatedBy } from './api-tokens.ts';
import { decoyHash, hashPassword, PASSWORD_MAX_LENGTH, type PasswordProblem, passwordProblem, verifyPassword } from './password.ts';
import type { Role } from './roles.ts';

export interface User {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254));

const USER_COLUMNS = ['id', 'email', 'role', 'created_at', 'disabled_at'] as const;

function userFromRow(row: { id: number; email: string; role: Role; created_at: string; disabled_at: string | null }): User {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at, disabled: row.disabled_at !== null };
}

export type AccountProblem = PasswordProblem | 'invalid-email' | 'exists' | 'unknown' | 'last-admin';

export async function createUser(
  db: Kysely<Database>,
  input: { email: string; role: Role; password: string },
): Promise<{ ok: true; user: User } | { ok: false; problem: AccountProblem }> {
  const email = EmailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, problem: 'invalid-email' };
  const problem = passwordProblem(input.password);
  if (problem !== null) return { ok: false, problem };
  const existing = await db.selectFrom('users').select('id').where('email', '=', email.data).executeTakeFirst();
  if (existing !== undefined) return { ok: false, problem: 'exists' };
  const row = await db
    .insertInto('users')
    .values({ email: email.data, role: input.role, password_hash: await hashPassword(input.password), created_at: new Date().toISOString(), disabled_at: null })
    .returning(USER_COLUMNS)
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
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const matches = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  return row !== undefined && matches && row.disabled_at === null ? userFromRow(row) : null;
}

export async function setPassword(db: Kysely<Database>, email: string, password: string): Promise<{ ok: true } | { ok: false; problem: AccountProblem }> {
  const problem = passwordProblem(password);
  if (problem !== null) return { ok: false, problem };
  const user = await userByEmail(db, email);
  if (user === undefined) return { ok: false, problem: 'unknown' };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: await hashPassword(password) }).where('id', '=', user.id).execute();
    // A new password closes the sessions opened with the old one.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  return { ok: true };
}

/** Changes a role or disables/enables an account; refuses to leave the server without an active administrator. */
export async function updateAccount(
  db: Kysely<Database>,
  id: number,
  change: { role?: Role; disabled?: boolean },
): Promise<{ ok: true; user: User } | { ok: false; problem: AccountProblem }> {
  return db.transaction().execute(async (trx) => {
    const user = await userById(trx, id);
    if (user === undefined) return { ok: false, problem: 'unknown' };
    const role = change.role ?? user.role;
    const disabled = change.disabled ?? user.disabled;
    if (user.role === 'admin' && !user.disabled && (role !== 'admin' || disabled)) {
      const { admins } = await trx
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('admins'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
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
    }
    return { ok: true, user: { ...user, role, disabled } };
  });
}
