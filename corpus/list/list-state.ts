/**
 * What a client remembers between update checks, and how one check changes it. Pure, so that the
 * rule "a failed update keeps the last good list" holds in one place whatever stores the state
 * (extension storage, tests).
 */
import type { ListUpdate, LocalList, UpdateFailure } from './list-update.ts';
import type { PublicKeyRecord } from './signing-keys.ts';

export interface ListState {
  /** The last good list: never empty, never replaced by anything unverified. */
  list: LocalList;
  /** Highest manifest version accepted so far (rollback protection). */
  highestSeenVersion: number;
  /** Keys announced by verified manifests, trusted beside the pinned ones. */
  learnedKeys: PublicKeyRecord[];
  /** Until when the last verified manifest vouches for the list; after that the list may be frozen. */
  validUntil: string | null;
  lastVerified: string | null;
  lastFailure: { reason: UpdateFailure; detail: string; at: string } | null;
}

export function initialListState(list: LocalList): ListState {
  return { list, highestSeenVersion: list.version, learnedKeys: [], validUntil: null, lastVerified: null, lastFailure: null };
}

export function nextListState(state: ListState, update: ListUpdate, now: Date): ListState {
  if (update.outcome === 'failed') {
    return { ...state, lastFailure: { reason: update.reason, detail: update.detail, at: now.toISOString() } };
  }
  const { manifest } = update;
  const known = new Set(state.learnedKeys.map((key) => key.keyId));
  return {
    list: update.outcome === 'updated' ? update.list : state.list,
    highestSeenVersion: Math.max(state.highestSeenVersion, manifest.version),
    learnedKeys: [...state.learnedKeys, ...manifest.keys.filter((key) => !known.has(key.keyId))],
    validUntil: manifest.expires,
    lastVerified: now.toISOString(),
    lastFailure: null,
  };
}

/**
 * True when no verified manifest vouches for the list any more: someone may be holding back
 * updates (freeze), or the channel is down. The list is still used; people are told it may be old.
 */
export function isFrozen(state: ListState, now: Date): boolean {
  return state.validUntil === null || Date.parse(state.validUntil) <= now.getTime();
}
