/**
 * The one place the extension gets its list from. The list bundled at build (a published, signed
 * version: bundled-list-module.ts) is compiled into the scripts, so that it is there as soon as a
 * script starts, offline and on the very first run; a newer signed version that the background
 * verified (list-updates.ts) is kept in storage.local as `listInUse`, and then wins everywhere. It
 * is kept as its difference from the bundled list (corpus/list/list-patch.ts): a few kilobytes
 * that a result page reads at once, where the whole list would be megabytes.
 */
import meta from 'virtual:sdc-bundled-list/meta';
import browser from 'webextension-polyfill';
import { sha256Hex } from '../../corpus/list/digest.ts';
import { COMPACT_FORMAT, type ListMeta } from './list-meta.ts';

/** A newer list than the bundled one, as stored by the background: its difference from the bundled list. */
export interface ListInUse {
  meta: ListMeta;
  /** The compact patch over the bundled compact list (corpus/matching/patched-list-index.ts): what matching reads. */
  patch: string;
  /** The delta from the bundled snapshot (sdc-delta/1): what rebuilds the snapshot for the next update. */
  fromBundled: string;
  /** SHA-256 of both (listInUseDigest), checked by the background when it starts (a corrupted store falls back to the bundled list). */
  sha256: string;
}

/** Storage key of the list in use when it is not the bundled one (read by result pages while the flag says so). */
export const LIST_IN_USE_KEY = 'listInUse';
/** The stored list's version alone, small, written with it: what the flag script's bookkeeping reads (settings-signal.ts). */
export const LIST_VERSION_KEY = 'listInUseVersion';
/** The update client's record (list-updates.ts): when it checked, the highest version seen, the last failure… */
export const UPDATE_RECORD_KEY = 'listUpdateRecord';
/** What the background reads of storage before its list is ready. */
export const LIST_START_KEYS = [UPDATE_RECORD_KEY, LIST_IN_USE_KEY] as const;

/** The bundled list's metadata (its compact list: bundled-compact.ts for the result pages, a packaged file for the background). */
export const BUNDLED_META: ListMeta = meta;

function isListMeta(value: unknown): value is ListMeta {
  const candidate = (value ?? {}) as Record<string, unknown>;
  return (
    candidate.format === COMPACT_FORMAT &&
    Number.isSafeInteger(candidate.version) &&
    typeof candidate.createdAt === 'string' &&
    Number.isSafeInteger(candidate.sourceCount) &&
    typeof candidate.snapshotSha256 === 'string' &&
    (candidate.expires === undefined || typeof candidate.expires === 'string')
  );
}

/** A stored list record, or null when absent or not of the expected shape. */
export function listInUseFrom(value: unknown): ListInUse | null {
  const candidate = (value ?? {}) as Record<string, unknown>;
  if (!isListMeta(candidate.meta) || typeof candidate.patch !== 'string' || typeof candidate.fromBundled !== 'string' || typeof candidate.sha256 !== 'string') return null;
  return { meta: candidate.meta, patch: candidate.patch, fromBundled: candidate.fromBundled, sha256: candidate.sha256 };
}

/** What a stored record's `sha256` is computed over. */
export function listInUseDigest(record: Pick<ListInUse, 'patch' | 'fromBundled'>): Promise<string> {
  return sha256Hex(`${record.patch}\n\x00\n${record.fromBundled}`);
}

/** Calls `listener` with each new list in use (null: back to the bundled list). */
export function onListInUseChanged(listener: (list: ListInUse | null) => void): () => void {
  const handle = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && LIST_IN_USE_KEY in changes) listener(listInUseFrom(changes[LIST_IN_USE_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
