/** An account as the console sees it, and how it is read from its row (shared by accounts, sessions and links). */
import type { Role } from './roles.ts';

export interface User {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  /** No password yet (an invitation or a reset link waits): nobody can sign in to it. */
  pending: boolean;
  /** Signed in with a temporary password: a new one must be chosen before anything else. */
  mustChangePassword: boolean;
}

export const USER_COLUMNS = ['users.id', 'users.email', 'users.role', 'users.created_at', 'users.disabled_at', 'users.password_hash', 'users.must_change_password'] as const;

/** The stored hash of an account that has no password (an invitation or a reset link waits). */
export const NO_PASSWORD = '';

export function userFromRow(row: { id: number; email: string; role: Role; created_at: string; disabled_at: string | null; password_hash: string; must_change_password: number }): User {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
    pending: row.password_hash === NO_PASSWORD,
    mustChangePassword: row.must_change_password === 1,
  };
}
