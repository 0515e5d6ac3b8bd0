/** Batches of changes made as one (a bulk action, an import, a review batch, an undo): recording and reading them. */
import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { BatchesTable, BatchKind, Database } from '../db/schema.ts';

export interface Batch {
  id: string;
  kind: BatchKind;
  label: string;
  at: string;
  actor: string;
  count: number;
  comment: string;
  /** The batch this one undid. */
  undoes: string | null;
  /** The batches that undid this one (at most one is ever allowed). */
  undoneBy: string[];
}

export interface NewBatch {
  id: string;
  kind: BatchKind;
  label: string;
  at: string;
  actor: Actor;
  count: number;
  comment: string;
  undoes?: string | null;
}

/** Records a batch, inside the transaction that wrote its events. */
export async function recordBatch(db: Kysely<Database>, batch: NewBatch): Promise<void> {
  await db
    .insertInto('batches')
    .values({
      id: batch.id,
      kind: batch.kind,
      label: batch.label,
      at: batch.at,
      actor: batch.actor.label,
      user_id: batch.actor.userId,
      token_id: batch.actor.tokenId,
      count: batch.count,
      comment: batch.comment,
      undoes: batch.undoes ?? null,
    })
    .execute();
}

function batchFromRow(row: Selectable<BatchesTable>, undoneBy: string[]): Batch {
  return { id: row.id, kind: row.kind, label: row.label, at: row.at, actor: row.actor, count: row.count, comment: row.comment, undoes: row.undoes, undoneBy };
}

/** The batches of these ids, with what undid them. */
export async function batchesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Batch>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  const rows = await db.selectFrom('batches').selectAll().where('id', 'in', unique).execute();
  const undoing = await db.selectFrom('batches').select(['id', 'undoes']).where('undoes', 'in', unique).orderBy('id').execute();
  return new Map(rows.map((row) => [row.id, batchFromRow(row, undoing.filter((undo) => undo.undoes === row.id).map((undo) => undo.id))]));
}

export async function batchById(db: Kysely<Database>, id: string): Promise<Batch | undefined> {
  return (await batchesByIds(db, [id])).get(id);
}
