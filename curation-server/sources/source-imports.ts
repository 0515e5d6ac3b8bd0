/**
 * CSV imports: a preview stores the file and shows its plan; applying re-plans against the list as
 * it is then, refuses if that plan is not the one shown (digest), and writes everything in one
 * transaction, one audit event per source, all in the import's batch.
 */
import type { Kysely } from 'kysely';
import { randomSourceId } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import { randomToken } from '../auth/secret-token.ts';
import type { Database } from '../db/schema.ts';
import { recordBatch } from '../history/batches.ts';
import { type ImportPlan, indexSources, planDigest, planImport } from './import-plan.ts';
import { type CsvFileIssue, importRows } from './source-csv.ts';
import { writeSource } from './source-store.ts';
import { storedSourceFromRow } from './stored-source.ts';

export interface ImportRecord {
  id: string;
  fileName: string;
  createdBy: string;
  createdAt: string;
  appliedAt: string | null;
}

export type ImportPreview = { ok: true; record: ImportRecord; plan: ImportPlan; digest: string } | { ok: false; issue: CsvFileIssue };

async function planFor(db: Kysely<Database>, csv: string): Promise<{ ok: true; plan: ImportPlan; digest: string } | { ok: false; issue: CsvFileIssue }> {
  const rows = importRows(csv);
  if (!rows.ok) return rows;
  const existing = indexSources((await db.selectFrom('sources').selectAll().execute()).map(storedSourceFromRow));
  const plan = planImport(rows.rows, existing, randomSourceId);
  return { ok: true, plan, digest: planDigest(plan) };
}

/** Keeps the file and returns its plan; nothing in the list changes. */
export async function previewImport(db: Kysely<Database>, actor: Actor, file: { name: string; csv: string }): Promise<ImportPreview> {
  const planned = await planFor(db, file.csv);
  if (!planned.ok) return planned;
  const record: ImportRecord = { id: randomToken(12), fileName: file.name, createdBy: actor.label, createdAt: new Date().toISOString(), appliedAt: null };
  await db
    .insertInto('imports')
    .values({
      id: record.id,
      created_by: actor.label,
      user_id: actor.userId,
      token_id: actor.tokenId,
      created_at: record.createdAt,
      file_name: file.name,
      csv: file.csv,
      plan_digest: planned.digest,
      applied_at: null,
    })
    .execute();
  return { ok: true, record, plan: planned.plan, digest: planned.digest };
}

async function importRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A stored import and its plan against the list as it is now. */
export async function currentImport(db: Kysely<Database>, id: string): Promise<ImportPreview | undefined> {
  const row = await importRow(db, id);
  if (row === undefined) return undefined;
  const planned = await planFor(db, row.csv);
  if (!planned.ok) return planned;
  const record: ImportRecord = { id: row.id, fileName: row.file_name, createdBy: row.created_by, createdAt: row.created_at, appliedAt: row.applied_at };
  return { ok: true, record, plan: planned.plan, digest: planned.digest };
}

export type ImportApplication =
  | { ok: true; batch: string; counts: ImportPlan['counts'] }
  | { ok: false; reason: 'not-found' | 'already-applied' | 'has-errors' }
  | { ok: false; reason: 'moved'; plan: ImportPlan; digest: string };

/**
 * Applies the import if its plan is still the one previewed (`digest`; by default the digest of
 * the first preview). All or nothing: one transaction.
 */
export async function applyImport(db: Kysely<Database>, actor: Actor, id: string, options: { digest?: string; comment: string }): Promise<ImportApplication> {
  return db.transaction().execute(async (trx): Promise<ImportApplication> => {
    const row = await importRow(trx, id);
    if (row === undefined) return { ok: false, reason: 'not-found' };
    if (row.applied_at !== null) return { ok: false, reason: 'already-applied' };
    const planned = await planFor(trx, row.csv);
    if (!planned.ok) return { ok: false, reason: 'has-errors' };
    const { plan, digest } = planned;
    if (digest !== (options.digest ?? row.plan_digest)) return { ok: false, reason: 'moved', plan, digest };
    if (plan.counts.error > 0) return { ok: false, reason: 'has-errors' };
    const at = new Date().toISOString();
    const comment = options.comment === '' ? `import ${row.file_name}` : options.comment;
    for (const line of plan.lines) {
      if (line.kind === 'added') await writeSource(trx, { before: null, after: line.source, actor, comment, at, batch: id });
      if (line.kind === 'changed') await writeSource(trx, { before: line.before, after: line.after, actor, comment, at, batch: id });
    }
    const count = plan.lines.filter((line) => line.kind === 'added' || line.kind === 'changed').length;
    if (count > 0) await recordBatch(trx, { id, kind: 'import', label: row.file_name, at, actor, count, comment });
    await trx.updateTable('imports').set({ applied_at: at }).where('id', '=', id).execute();
    return { ok: true, batch: id, counts: plan.counts };
  });
}
