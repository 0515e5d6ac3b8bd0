/**
 * What undoing a whole batch gives, decided from the batch's events, the sources as they are now
 * and the changes made to them since. Pure. A batch is undone exactly — every field of every
 * source goes back to what it was before the batch — or not at all: when any of its sources was
 * changed again since, nothing is overwritten and the refusal says which source, by which change.
 */
import type { Source } from '../../corpus/source.ts';
import { changedFields } from './source-changes.ts';

/** An event of the batch, or a later one on the same sources. */
export interface RecordedChange {
  id: number;
  sourceId: string | null;
  before: Source | null;
  after: Source | null;
  actor: string;
  at: string;
}

export type UndoRefusal =
  /** `by` is the later change, or null when the source differs from what the batch left without one (a write outside the history). */
  | { code: 'changed-since'; sourceId: string; host: string; by: { id: number; actor: string; at: string } | null }
  | { code: 'missing'; sourceId: string }
  | { code: 'not-undoable'; eventId: number };

export interface UndoWrite {
  sourceId: string;
  /** The batch's last event on that source, which the undo reverts. */
  reverts: number;
  next: Source;
}

export type BatchUndoPlan = { ok: true; writes: UndoWrite[] } | { ok: false; reason: 'nothing-to-undo' } | { ok: false; reason: 'refused'; refusals: UndoRefusal[] };

/**
 * `members`: the batch's events; `current`: the sources they touched, as they are now; `later`:
 * events on those sources after the batch's first one (members among them are ignored). A source
 * the batch created goes to « removed » (nothing is deleted); a source it changed gets back every
 * field it had before the batch's first change to it.
 */
export function planBatchUndo(members: readonly RecordedChange[], current: ReadonlyMap<string, Source>, later: readonly RecordedChange[]): BatchUndoPlan {
  const memberIds = new Set(members.map((member) => member.id));
  const bySource = new Map<string, RecordedChange[]>();
  const refusals: UndoRefusal[] = [];
  for (const member of [...members].sort((a, b) => a.id - b.id)) {
    if (member.sourceId === null || member.after === null) {
      refusals.push({ code: 'not-undoable', eventId: member.id });
      continue;
    }
    bySource.set(member.sourceId, [...(bySource.get(member.sourceId) ?? []), member]);
  }
  const writes: UndoWrite[] = [];
  for (const [sourceId, changes] of bySource) {
    const first = changes[0];
    const last = changes[changes.length - 1];
    const now = current.get(sourceId);
    if (now === undefined) {
      refusals.push({ code: 'missing', sourceId });
      continue;
    }
    const since = later.filter((change) => change.sourceId === sourceId && change.id > first.id && !memberIds.has(change.id)).sort((a, b) => a.id - b.id)[0];
    if (since !== undefined) {
      refusals.push({ code: 'changed-since', sourceId, host: now.host, by: { id: since.id, actor: since.actor, at: since.at } });
      continue;
    }
    if (last.after !== null && changedFields(last.after, now).length > 0) {
      refusals.push({ code: 'changed-since', sourceId, host: now.host, by: null });
      continue;
    }
    const next: Source = first.before === null ? { ...now, status: 'removed' } : { ...first.before };
    if (changedFields(now, next).length > 0) writes.push({ sourceId, reverts: last.id, next });
  }
  if (refusals.length > 0) return { ok: false, reason: 'refused', refusals };
  if (writes.length === 0) return { ok: false, reason: 'nothing-to-undo' };
  return { ok: true, writes };
}
