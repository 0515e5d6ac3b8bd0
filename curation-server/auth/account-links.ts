/**
 * One-time links to choose a password: an invitation to a new account, or a reset. The server
 * sends no mail, so the administrator is shown the link once and passes it on; the database keeps
 * only its digest (as for sessions and API tokens). A link opens once, until it expires, and a
 * newer link of the same account (or disabling the account) revokes it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AccountLinkPurpose, Database } from '../db/schema.ts';
import { randomToken, tokenDigest } from './secret-token.ts';
import { type User, USER_COLUMNS, userFromRow } from './user-row.ts';

const HOUR_MS = 60 * 60 * 1000;

/** Long enough for a mailbox or a phone call over a weekend; a reset is for someone waiting for it. */
export const LINK_LIFETIME_MS: Record<AccountLinkPurpose, number> = { invitation: 72 * HOUR_MS, reset: 24 * HOUR_MS };

export interface IssuedLink {
  /** The secret part of the link, shown once. */
  token: string;
  expiresAt: string;
}

export interface OpenLink {
  id: number;
  purpose: AccountLinkPurpose;
  expiresAt: string;
  user: User;
}

/** The console page a link's token opens (in the query, which the server's error log leaves out). */
export function linkPath(token: string): string {
  return `/account/setup?token=${encodeURIComponent(token)}`;
}

/** Whether a link may still be used at `now`. Pure. */
export function isLinkOpen(link: { used_at: string | null; revoked_at: string | null; expires_at: string }, disabled: boolean, now: Date): boolean {
  return link.used_at === null && link.revoked_at === null && !disabled && now.getTime() < Date.parse(link.expires_at);
}

/** A new link for the account; the ones it had still waiting are revoked. Inside the caller's transaction. */
export async function issueAccountLink(
  trx: Transaction<Database>,
  input: { userId: number; purpose: AccountLinkPurpose; createdBy: number | null },
  now: Date,
): Promise<IssuedLink> {
  await revokeAccountLinks(trx, input.userId, now);
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[input.purpose]).toISOString();
  await trx
    .insertInto('account_links')
    .values({ user_id: input.userId, purpose: input.purpose, token_hash: tokenDigest(token), created_by: input.createdBy, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, revoked_at: null })
    .execute();
  return { token, expiresAt };
}

/** Revokes the account's links still waiting (a new link or password took their place, or the account was disabled). */
export async function revokeAccountLinks(db: Kysely<Database>, userId: number, now: Date): Promise<void> {
  await db.updateTable('account_links').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

/** The link a token opens, if it is still open: unknown, used, revoked, expired and disabled accounts all give undefined. */
export async function openLink(db: Kysely<Database>, token: string, now: Date): Promise<OpenLink | undefined> {
  if (token === '' || token.length > 100) return undefined;
  const row = await db
    .selectFrom('account_links')
    .innerJoin('users', 'users.id', 'account_links.user_id')
    .select([...USER_COLUMNS, 'account_links.id as link_id', 'account_links.purpose', 'account_links.expires_at', 'account_links.used_at', 'account_links.revoked_at'])
    .where('account_links.token_hash', '=', tokenDigest(token))
    .executeTakeFirst();
  if (row === undefined || !isLinkOpen(row, row.disabled_at !== null, now)) return undefined;
  return { id: row.link_id, purpose: row.purpose, expiresAt: row.expires_at, user: userFromRow(row) };
}

/** Marks a link used; false when it was used (or revoked) in the meantime, so that it opens once even for two simultaneous requests. */
export async function useAccountLink(trx: Transaction<Database>, linkId: number, now: Date): Promise<boolean> {
  const { numUpdatedRows } = await trx
    .updateTable('account_links')
    .set({ used_at: now.toISOString() })
    .where('id', '=', linkId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return numUpdatedRows === 1n;
}

/** The link still waiting for each account (for the accounts page: « invitation valid until … »). */
export async function waitingLinks(db: Kysely<Database>, now: Date): Promise<Map<number, { purpose: AccountLinkPurpose; expiresAt: string }>> {
  const rows = await db
    .selectFrom('account_links')
    .select(['user_id', 'purpose', 'expires_at'])
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('id')
    .execute();
  return new Map(rows.map((row) => [row.user_id, { purpose: row.purpose, expiresAt: row.expires_at }]));
}
