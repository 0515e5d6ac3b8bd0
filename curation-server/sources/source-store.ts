/**
 * Reading sources, checking a candidate against the store, and the one write primitive that every
 * change goes through: it writes the row and appends the audit event, inside the caller's transaction.
 */
import type { Kysely } from 'kysely';
import { type SourceDraft, validateSource } from '../../corpus/source-validation.ts';
import { type Source, sourceKey } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, EventAction } from '../db/schema.ts';
import { appendEvent } from '../history/event-log.ts';
import { actionFor } from './source-changes.ts';
import { plainSource, type StoredSource, sourceRow, storedSourceFromRow } from './stored-source.ts';
import type { StoreIssue, WriteResult } from './write-issues.ts';

export async function sourceById(db: Kysely<Database>, id: string): Promise<StoredSource | undefined> {
  const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : storedSourceFromRow(row);
}

export async function sourcesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<StoredSource[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('sources').selectAll().where('id', 'in', ids).execute();
  return rows.map(storedSourceFromRow);
}

/** The source that already claims this hostname and path, if any. */
export interface KeyHolder {
  id: string;
  host: string;
  path: string;
}

/**
 * Uniqueness, decided from facts the caller looked up (in the database, or in an import's own
 * maps): another source with the same hostname and path, or — for a new source — the same id.
 */
export function uniquenessIssues(source: Source, selfId: string | null, facts: { keyHolder: KeyHolder | undefined; idTaken: boolean }): StoreIssue[] {
  const issues: StoreIssue[] = [];
  if (selfId === null && facts.idTaken) issues.push({ field: 'id', code: 'duplicate-id' });
  const holder = facts.keyHolder;
  if (holder !== undefined && holder.id !== (selfId ?? source.id)) {
    issues.push({ field: source.scope === 'path' ? 'path' : 'host', code: 'duplicate-key', holderId: holder.id, holderKey: sourceKey(holder) });
  }
  return issues;
}

/** The draft validated (corpus rules) and checked for uniqueness against the store; selfId is null for a new source. */
export async function checkedSource(db: Kysely<Database>, draft: SourceDraft, selfId: string | null): Promise<WriteResult<Source>> {
  const validation = validateSource(draft);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const source = validation.source;
  const keyHolder = await db.selectFrom('sources').select(['id', 'host', 'path']).where('host', '=', source.host).where('path', '=', source.path).executeTakeFirst();
  const idTaken = selfId === null && (await db.selectFrom('sources').select('id').where('id', '=', source.id).executeTakeFirst()) !== undefined;
  const issues = uniquenessIssues(source, selfId, { keyHolder, idTaken });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: source };
}

export interface SourceWrite {
  before: StoredSource | null;
  after: Source;
  actor: Actor;
  comment: string;
  at: string;
  batch?: string | null;
  reverts?: number | null;
  /** Defaults to what the change is (actionFor). */
  action?: EventAction;
}

/**
 * Writes a checked source and its audit event. Must run inside a transaction that has just read
 * `before`: the revision guard turns a concurrent write into an error instead of a lost update.
 */
export async function writeSource(db: Kysely<Database>, write: SourceWrite): Promise<StoredSource> {
  const { before, after } = write;
  const revision = before === null ? 1 : before.revision + 1;
  const row = sourceRow(after, revision, write.at);
  if (before === null) {
    await db.insertInto('sources').values(row).execute();
  } else {
    const { numUpdatedRows } = await db
      .updateTable('sources')
      .set(row)
      .where('id', '=', before.id)
      .where('revision', '=', before.revision)
      .executeTakeFirst();
    if (numUpdatedRows !== 1n) throw new Error(`source ${before.id} changed during its own transaction`);
  }
  await appendEvent(db, {
    at: write.at,
    actor: write.actor,
    action: write.action ?? actionFor(before, after),
    sourceId: after.id,
    before: before === null ? null : plainSource(before),
    after: plainSource(after),
    comment: write.comment,
    batch: write.batch,
    reverts: write.reverts,
  });
  return { ...plainSource(after), validation: row.validation, revision, updatedAt: write.at };
}
