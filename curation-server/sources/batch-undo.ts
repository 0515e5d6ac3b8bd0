/**
 * Undoing a whole batch (« Défaire ») in one transaction: the sources go back to what they were
 * before it, written as new events in a new batch of kind `undo` — itself a batch, so it can be
 * undone in turn. The history only grows.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import { randomToken } from '../auth/secret-token.ts';
import type { Database } from '../db/schema.ts';
import { batchById, recordBatch } from '../history/batches.ts';
import { batchEvents, eventsOnSourcesAfter } from '../history/event-log.ts';
import { planBatchUndo, type UndoRefusal } from './batch-undo-plan.ts';
import { checkedSource, sourcesByIds, writeSource } from './source-store.ts';
import type { WriteIssue } from './write-issues.ts';

export type BatchUndoResult =
  | { ok: true; batch: string; undone: number }
  | { ok: false; reason: 'not-found' | 'nothing-to-undo' }
  | { ok: false; reason: 'already-undone'; by: string }
  | { ok: false; reason: 'refused'; refusals: UndoRefusal[] }
  /** What the batch's sources were is no longer valid as it stands (a hostname taken since by another source…). */
  | { ok: false; reason: 'invalid'; failures: { sourceId: string; host: string; issues: WriteIssue[] }[] };

export async function undoBatch(db: Kysely<Database>, actor: Actor, batchId: string, comment: string, at = new Date().toISOString()): Promise<BatchUndoResult> {
  return db.transaction().execute(async (trx): Promise<BatchUndoResult> => {
    const batch = await batchById(trx, batchId);
    if (batch === undefined) return { ok: false, reason: 'not-found' };
    if (batch.undoneBy.length > 0) return { ok: false, reason: 'already-undone', by: batch.undoneBy[0] };
    const members = await batchEvents(trx, batchId);
    if (members.length === 0) return { ok: false, reason: 'nothing-to-undo' };
    const sourceIds = [...new Set(members.flatMap((member) => (member.sourceId === null ? [] : [member.sourceId])))];
    const current = new Map((await sourcesByIds(trx, sourceIds)).map((source) => [source.id, source]));
    const later = await eventsOnSourcesAfter(trx, sourceIds, members[0].id);
    const plan = planBatchUndo(members, current, later);
    if (!plan.ok) return plan.reason === 'refused' ? { ok: false, reason: 'refused', refusals: plan.refusals } : { ok: false, reason: plan.reason };
    const failures: { sourceId: string; host: string; issues: WriteIssue[] }[] = [];
    const checked = [];
    for (const write of plan.writes) {
      const result = await checkedSource(trx, write.next, write.sourceId);
      if (result.ok) checked.push({ ...write, next: result.value });
      else failures.push({ sourceId: write.sourceId, host: write.next.host, issues: result.issues });
    }
    if (failures.length > 0) return { ok: false, reason: 'invalid', failures };
    const id = randomToken(12);
    const note = comment === '' ? `défait le lot ${batchId}` : comment;
    for (const write of checked) {
      const before = current.get(write.sourceId);
      if (before === undefined) throw new Error(`planned undo of ${write.sourceId}, which is not there`);
      await writeSource(trx, { before, after: write.next, actor, comment: note, at, action: 'revert', reverts: write.reverts, batch: id });
    }
    await recordBatch(trx, { id, kind: 'undo', label: batchId, at, actor, count: checked.length, comment: note, undoes: batchId });
    return { ok: true, batch: id, undone: checked.length };
  });
}
