/** The accounts' audit trail (`account_events`, append-only): who did what to which account, when. Never a secret. */
import type { Kysely } from 'kysely';
import type { AccountEventAction, AccountLinkPurpose, Database } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';

/** What an event says beyond its action; the method of a reset or creation, never its secret. */
export type AccountEventDetail =
  | { role: Role; method: 'password' | 'link' | 'temporary-password'; expiresAt?: string }
  | { from: Role; to: Role }
  | { method: 'link' | 'temporary-password'; expiresAt?: string }
  | { purpose: AccountLinkPurpose }
  /** A password its owner chose to change (not a temporary one replaced). */
  | { chosen: true }
  | Record<string, never>;

export interface AccountEvent {
  id: number;
  at: string;
  actor: string;
  userId: number;
  email: string;
  action: AccountEventAction;
  detail: AccountEventDetail;
}

export async function appendAccountEvent(
  db: Kysely<Database>,
  event: { at: Date; actor: Actor; user: { id: number; email: string }; action: AccountEventAction; detail: AccountEventDetail },
): Promise<void> {
  await db
    .insertInto('account_events')
    .values({
      at: event.at.toISOString(),
      actor: event.actor.label,
      actor_user_id: event.actor.userId,
      user_id: event.user.id,
      email: event.user.email,
      action: event.action,
      detail: JSON.stringify(event.detail),
    })
    .execute();
}

/** The latest events, newest first: of one account, or of all. */
export async function recentAccountEvents(db: Kysely<Database>, options: { userId?: number; limit: number }): Promise<AccountEvent[]> {
  let query = db.selectFrom('account_events').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
  return (await query.execute()).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    userId: row.user_id,
    email: row.email,
    action: row.action,
    detail: JSON.parse(row.detail) as AccountEventDetail,
  }));
}
