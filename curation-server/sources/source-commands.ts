/**
 * The operations curators perform on the list, shared by the console and the API. Each one runs
 * in one transaction, validates every source it writes, and leaves one audit event per source.
 * Refusals are values (WriteResult), with the field concerned when there is one.
 */
import type { Kysely } from 'kysely';
import type { SourceDraft } from '../../corpus/source-validation.ts';
import { randomSourceId, type Source, type Status } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import type { BulkAction, Database } from '../db/schema.ts';
import { recordBatch } from '../history/batches.ts';
import { eventById } from '../history/event-log.ts';
import { randomToken } from '../auth/secret-token.ts';
import { changedFields, planRevert } from './source-changes.ts';
import { checkedSource, sourceById, sourcesByIds, writeSource } from './source-store.ts';
import type { StoredSource } from './stored-source.ts';
import { CURATED_PROVENANCE, reviewedProvenance } from './validation-state.ts';
import { refused, type WriteIssue, type WriteResult } from './write-issues.ts';

/** What a curator types for a source: everything but its id and provenance, which the server keeps. */
export type EditableFields = Omit<SourceDraft, 'id' | 'provenance'>;

const now = () => new Date().toISOString();

export async function createSource(db: Kysely<Database>, actor: Actor, fields: EditableFields, comment: string): Promise<WriteResult<StoredSource>> {
  return db.transaction().execute(async (trx) => {
    const checked = await checkedSource(trx, { ...fields, id: randomSourceId(), provenance: CURATED_PROVENANCE }, null);
    if (!checked.ok) return checked;
    return { ok: true, value: await writeSource(trx, { before: null, after: checked.value, actor, comment, at: now() }) };
  });
}

export interface Update {
  source: StoredSource;
  changed: boolean;
}

/**
 * Replaces the editable fields of a source. With `revision`, the edit applies only to that
 * revision: someone else's change in between is reported, not overwritten.
 */
export async function updateSource(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  fields: Partial<EditableFields>,
  options: { comment: string; revision?: number },
): Promise<WriteResult<Update>> {
  return db.transaction().execute(async (trx) => {
    const before = await sourceById(trx, id);
    if (before === undefined) return refused({ code: 'not-found' });
    if (options.revision !== undefined && options.revision !== before.revision) return refused({ code: 'stale-revision' });
    const checked = await checkedSource(trx, { ...before, ...fields }, id);
    if (!checked.ok) return checked;
    if (changedFields(before, checked.value).length === 0) return { ok: true, value: { source: before, changed: false } };
    const source = await writeSource(trx, { before, after: checked.value, actor, comment: options.comment, at: now() });
    return { ok: true, value: { source, changed: true } };
  });
}

export type BulkResult =
  | { ok: true; changed: number; unchanged: number; batch: string | null; at: string }
  | { ok: false; failures: { id: string; issues: WriteIssue[] }[] };

/**
 * Applies the same change to a selection of sources: all of them, or — when one of them is refused —
 * none (the failures say which and why). One batch groups their events in the history; with `bulk`
 * (the action's name), that batch is recorded as a bulk action.
 */
function changeEach(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly string[],
  comment: string,
  change: (source: StoredSource) => Source,
  bulk?: BulkAction,
): Promise<BulkResult> {
  return db.transaction().execute(async (trx) => {
    const result = await applyChanges(trx, actor, [...new Set(ids)].map((id) => ({ id, change })), comment);
    if (result.ok && result.batch !== null && bulk !== undefined) {
      await recordBatch(trx, { id: result.batch, kind: 'bulk', label: bulk, at: result.at, actor, count: result.changed, comment });
    }
    return result;
  });
}

/** One source's change: its id, and what it becomes from what it is. */
export interface SourceChange {
  id: string;
  change: (source: StoredSource) => Source;
}

/**
 * Applies each change to its source, inside the caller's transaction, with the same validation
 * and events as every other write: all of them, or none when one is refused. The events share
 * `batch` when given (the caller groups more than these writes), else a new one when there are several.
 */
export async function applyChanges(
  trx: Kysely<Database>,
  actor: Actor,
  changes: readonly SourceChange[],
  comment: string,
  batch?: string,
): Promise<BulkResult> {
  const found = new Map((await sourcesByIds(trx, changes.map((change) => change.id))).map((source) => [source.id, source]));
  const failures: { id: string; issues: WriteIssue[] }[] = [];
  const writes: { before: StoredSource; after: Source }[] = [];
  for (const { id, change } of changes) {
    const before = found.get(id);
    if (before === undefined) {
      failures.push({ id, issues: [{ code: 'not-found' }] });
      continue;
    }
    const candidate = change(before);
    if (changedFields(before, candidate).length === 0) continue;
    const checked = await checkedSource(trx, candidate, id);
    if (checked.ok) writes.push({ before, after: checked.value });
    else failures.push({ id, issues: checked.issues });
  }
  if (failures.length > 0) return { ok: false, failures };
  const sharedBatch = batch ?? (writes.length > 1 ? randomToken(12) : null);
  const at = now();
  for (const write of writes) await writeSource(trx, { ...write, actor, comment, at, batch: sharedBatch });
  return { ok: true, changed: writes.length, unchanged: changes.length - writes.length, batch: sharedBatch, at };
}

/** Activates, suspends or removes sources (removal is a status: nothing is deleted). */
export function setStatus(db: Kysely<Database>, actor: Actor, ids: readonly string[], status: Status, comment: string): Promise<BulkResult> {
  return changeEach(db, actor, ids, comment, (source) => ({ ...source, status }));
}

/** Records that a curator has checked these sources (validation-state.ts). */
export function markReviewed(db: Kysely<Database>, actor: Actor, ids: readonly string[], comment: string): Promise<BulkResult> {
  return changeEach(db, actor, ids, comment, bulkChange('review'));
}

/** What can be done to a selection of sources at once (console bulk form, API bulk call). */

const BULK_STATUS = { activate: 'active', suspend: 'suspended', remove: 'removed' } as const satisfies Record<Exclude<BulkAction, 'review'>, Status>;

/** The change a bulk action makes to each source. */
export function bulkChange(action: BulkAction): (source: StoredSource) => Source {
  return action === 'review' ? (source) => ({ ...source, provenance: reviewedProvenance(source.provenance) }) : (source) => ({ ...source, status: BULK_STATUS[action] });
}

/** A bulk action: one change to each source, recorded as one batch when it changes several. */
export function applyBulkAction(db: Kysely<Database>, actor: Actor, ids: readonly string[], action: BulkAction, comment: string): Promise<BulkResult> {
  return changeEach(db, actor, ids, comment, bulkChange(action), action);
}

/** Undoes a recorded change with a new event; the history itself never changes. */
export async function revertChange(db: Kysely<Database>, actor: Actor, eventId: number, comment: string): Promise<WriteResult<StoredSource>> {
  return db.transaction().execute(async (trx) => {
    const event = await eventById(trx, eventId);
    if (event === undefined) return refused({ code: 'not-found' });
    if (event.sourceId === null) return refused({ code: 'not-revertible' });
    const current = await sourceById(trx, event.sourceId);
    if (current === undefined) return refused({ code: 'not-found' });
    const plan = planRevert(event, current);
    if (!plan.ok) return refused(plan.reason === 'conflict' ? { code: 'revert-conflict', fields: plan.fields } : { code: plan.reason });
    const checked = await checkedSource(trx, plan.next, current.id);
    if (!checked.ok) return checked;
    const source = await writeSource(trx, { before: current, after: checked.value, actor, comment, at: now(), action: 'revert', reverts: eventId });
    return { ok: true, value: source };
  });
}
