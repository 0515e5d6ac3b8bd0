/**
 * What administrators do to accounts (the console, and the command line for the first one): each
 * change and the audit event that records it in one transaction. Secrets (a link's token, a
 * temporary password) are returned to be shown once; the database keeps only their digests.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { issueAccountLink, type IssuedLink, openLink, useAccountLink } from './account-links.ts';
import { appendAccountEvent } from './account-events.ts';
import { type Actor, userActor } from './actor.ts';
import { hashPassword, type PasswordProblem, passwordProblem, verifyPassword } from './password.ts';
import type { Role } from './roles.ts';
import { temporaryPassword } from './temporary-password.ts';
import { NO_PASSWORD, type User } from './user-row.ts';
import { type AccountProblem, applyAccountChange, insertUser, replacePassword, userById } from './users.ts';

/** What an administrator can hand over from the console: a one-time link, or a temporary password. */
export const HANDOVER_METHODS = ['link', 'temporary-password'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

/** How the person gets in: a password the operator typed (command line), a one-time link, or a temporary password. */
export type Credential = { kind: 'password'; password: string } | { kind: 'link' } | { kind: 'temporary-password' };

/** What the administrator passes on, shown once. */
export type Handover = { kind: 'password' } | ({ kind: 'link' } & IssuedLink) | { kind: 'temporary-password'; password: string };

export type CommandProblem = AccountProblem | 'self' | 'disabled' | 'invalid-link' | 'same-password' | 'wrong-current-password';
type Outcome<T> = ({ ok: true } & T) | { ok: false; problem: CommandProblem };

/** The hash to store and what to hand over, for a credential; the secret exists only in the returned value. */
async function prepareCredential(credential: Credential): Promise<{ ok: true; hash: string; mustChange: boolean; password?: string } | { ok: false; problem: PasswordProblem }> {
  switch (credential.kind) {
    case 'password': {
      const problem = passwordProblem(credential.password);
      if (problem !== null) return { ok: false, problem };
      return { ok: true, hash: await hashPassword(credential.password), mustChange: false };
    }
    case 'temporary-password': {
      const password = temporaryPassword();
      return { ok: true, hash: await hashPassword(password), mustChange: true, password };
    }
    case 'link':
      return { ok: true, hash: NO_PASSWORD, mustChange: false };
  }
}

export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  input: { email: string; role: Role; credential: Credential },
  now: Date,
): Promise<Outcome<{ user: User; handover: Handover }>> {
  const prepared = await prepareCredential(input.credential);
  if (!prepared.ok) return prepared;
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User; handover: Handover }>> => {
    const inserted = await insertUser(trx, { email: input.email, role: input.role, passwordHash: prepared.hash, mustChangePassword: prepared.mustChange });
    if (!inserted.ok) return inserted;
    const { user } = inserted;
    let handover: Handover = { kind: 'password' };
    if (input.credential.kind === 'link') handover = { kind: 'link', ...(await issueAccountLink(trx, { userId: user.id, purpose: 'invitation', createdBy: actor.userId }, now)) };
    if (prepared.password !== undefined) handover = { kind: 'temporary-password', password: prepared.password };
    await appendAccountEvent(trx, {
      at: now,
      actor,
      user,
      action: input.credential.kind === 'link' ? 'invite' : 'create',
      detail: { role: user.role, method: input.credential.kind, ...(handover.kind === 'link' ? { expiresAt: handover.expiresAt } : {}) },
    });
    return { ok: true, user, handover };
  });
}

/** A new role; `changed` is false (and nothing is recorded) when it already had it. */
export async function changeRole(db: Kysely<Database>, actor: Actor, id: number, role: Role, now: Date): Promise<Outcome<{ user: User; changed: boolean }>> {
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User; changed: boolean }>> => {
    const before = await userById(trx, id);
    if (before === undefined) return { ok: false, problem: 'unknown' };
    const updated = await applyAccountChange(trx, id, { role });
    if (!updated.ok) return updated;
    const changed = before.role !== role;
    if (changed) await appendAccountEvent(trx, { at: now, actor, user: before, action: 'role', detail: { from: before.role, to: role } });
    return { ok: true, user: updated.user, changed };
  });
}

/** Disables (its sessions, the API tokens it created and its waiting links end with it) or enables an account. */
export async function setDisabled(db: Kysely<Database>, actor: Actor, id: number, disabled: boolean, now: Date): Promise<Outcome<{ user: User; changed: boolean }>> {
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User; changed: boolean }>> => {
    const before = await userById(trx, id);
    if (before === undefined) return { ok: false, problem: 'unknown' };
    const updated = await applyAccountChange(trx, id, { disabled });
    if (!updated.ok) return updated;
    const changed = before.disabled !== disabled;
    if (changed) await appendAccountEvent(trx, { at: now, actor, user: before, action: disabled ? 'disable' : 'enable', detail: {} });
    return { ok: true, user: updated.user, changed };
  });
}

/**
 * Resets someone else's password: the old one stops working and their sessions close at once; they
 * choose a new one through the link, or at their next sign-in with the temporary password.
 */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  method: HandoverMethod,
  now: Date,
): Promise<Outcome<{ user: User; handover: Handover }>> {
  if (actor.userId === id) return { ok: false, problem: 'self' };
  const prepared = await prepareCredential({ kind: method });
  if (!prepared.ok) return prepared;
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User; handover: Handover }>> => {
    const user = await userById(trx, id);
    if (user === undefined) return { ok: false, problem: 'unknown' };
    if (user.disabled) return { ok: false, problem: 'disabled' };
    // An account still without a password keeps the purpose of its last link: an invitation not yet accepted stays one.
    const last = user.pending ? await trx.selectFrom('account_links').select('purpose').where('user_id', '=', id).orderBy('id', 'desc').executeTakeFirst() : undefined;
    await replacePassword(trx, id, prepared.hash, { mustChange: prepared.mustChange }, now);
    let handover: Handover;
    if (prepared.password !== undefined) handover = { kind: 'temporary-password', password: prepared.password };
    else handover = { kind: 'link', ...(await issueAccountLink(trx, { userId: id, purpose: last?.purpose ?? 'reset', createdBy: actor.userId }, now)) };
    await appendAccountEvent(trx, { at: now, actor, user, action: 'reset', detail: { method, ...(handover.kind === 'link' ? { expiresAt: handover.expiresAt } : {}) } });
    return { ok: true, user: { ...user, pending: prepared.hash === NO_PASSWORD, mustChangePassword: prepared.mustChange }, handover };
  });
}

/** The invitee (or the person reset) chooses their password through the link; it then never opens again. */
export async function choosePasswordWithLink(db: Kysely<Database>, token: string, password: string, now: Date): Promise<Outcome<{ user: User }>> {
  const link = await openLink(db, token, now);
  if (link === undefined) return { ok: false, problem: 'invalid-link' };
  const problem = passwordProblem(password);
  if (problem !== null) return { ok: false, problem };
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User }>> => {
    // Checked again here: the link may have been used or revoked while the password was hashed.
    if (!(await useAccountLink(trx, link.id, now))) return { ok: false, problem: 'invalid-link' };
    await replacePassword(trx, link.user.id, hash, { mustChange: false }, now);
    await appendAccountEvent(trx, { at: now, actor: userActor(link.user), user: link.user, action: 'password-chosen', detail: { purpose: link.purpose } });
    return { ok: true, user: { ...link.user, pending: false, mustChangePassword: false } };
  });
}

/**
 * A new password for an account, by its owner (replacing a temporary one, or their own when they
 * choose to: then `current`, the password they signed in with, must be right) or from the command
 * line. All its sessions close, the one it is typed in included: the person signs in again with it.
 */
export async function changePassword(db: Kysely<Database>, actor: Actor, id: number, password: string, now: Date, current?: string): Promise<Outcome<{ user: User }>> {
  const row = await db.selectFrom('users').select(['password_hash', 'must_change_password']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) return { ok: false, problem: 'unknown' };
  if (current !== undefined && !(await verifyPassword(current, row.password_hash))) return { ok: false, problem: 'wrong-current-password' };
  const problem = passwordProblem(password);
  if (problem !== null) return { ok: false, problem };
  // A temporary password was seen by the administrator: it cannot become the lasting one; nor is a password changed for itself.
  if ((row.must_change_password === 1 || current !== undefined) && (await verifyPassword(password, row.password_hash))) return { ok: false, problem: 'same-password' };
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx): Promise<Outcome<{ user: User }>> => {
    const user = await userById(trx, id);
    if (user === undefined) return { ok: false, problem: 'unknown' };
    await replacePassword(trx, id, hash, { mustChange: false }, now);
    await appendAccountEvent(trx, { at: now, actor, user, action: 'password-changed', detail: current === undefined ? {} : { chosen: true } });
    return { ok: true, user: { ...user, pending: false, mustChangePassword: false } };
  });
}
