/** Pure decisions about a change to a source: what changed, and how the history names it. */
import type { Source } from '../../corpus/source.ts';
import type { EventAction } from '../db/schema.ts';
import { SOURCE_FIELDS } from './stored-source.ts';
import { validationState } from './validation-state.ts';

export function changedFields(before: Source, after: Source): (keyof Source)[] {
  return SOURCE_FIELDS.filter((field) => before[field] !== after[field]);
}

const STATUS_ACTIONS = { active: 'activate', suspended: 'suspend', removed: 'remove' } as const;

/** The verb the history shows for a change (a creation, a status change, a review, or an edit). */
export function actionFor(before: Source | null, after: Source): EventAction {
  if (before === null) return 'create';
  const changed = changedFields(before, after);
  if (changed.length === 1 && changed[0] === 'status') return STATUS_ACTIONS[after.status];
  if (changed.length === 1 && changed[0] === 'provenance' && validationState(after.provenance) === 'reviewed') return 'review';
  return 'update';
}

export type RevertPlan =
  | { ok: true; next: Source }
  | { ok: false; reason: 'not-revertible' | 'nothing-to-revert' }
  | { ok: false; reason: 'conflict'; fields: (keyof Source)[] };

/**
 * What reverting a recorded change gives, applied to the source as it is now. Only the fields that
 * change touched go back, and only if nobody has changed them since (otherwise: conflict, nothing
 * is overwritten). Reverting a creation removes the source — nothing is ever deleted.
 */
export function planRevert(change: { before: Source | null; after: Source | null }, current: Source): RevertPlan {
  if (change.after === null || change.after.id !== current.id) return { ok: false, reason: 'not-revertible' };
  if (change.before === null) {
    return current.status === 'removed' ? { ok: false, reason: 'nothing-to-revert' } : { ok: true, next: { ...current, status: 'removed' } };
  }
  const next: Source = { ...current };
  const conflicts: (keyof Source)[] = [];
  for (const field of changedFields(change.before, change.after)) {
    if (current[field] === change.after[field]) Object.assign(next, { [field]: change.before[field] });
    else if (current[field] !== change.before[field]) conflicts.push(field);
  }
  if (conflicts.length > 0) return { ok: false, reason: 'conflict', fields: conflicts };
  if (changedFields(current, next).length === 0) return { ok: false, reason: 'nothing-to-revert' };
  return { ok: true, next };
}
