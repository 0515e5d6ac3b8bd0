/**
 * A delta takes a client from one snapshot straight to a later one (cumulative, as uBlock Origin's
 * diff patches): the header of the new snapshot, the keys of the rows that went away, and the rows
 * that are new or changed. Applying it to the right base gives the new snapshot byte for byte,
 * which the caller checks against the manifest's hash.
 *
 *   sdc-delta/1 <from> <to>
 *   # <each header line of the new snapshot>
 *   -<host>\t<path>            (sorted)
 *   +<row>                     (sorted as in the snapshot)
 *
 * Snapshot rows are sorted by key (hostname, then path: `rowKey`), so both directions work on the
 * sorted lines without indexing the whole list: a merge to diff, a binary search per change to apply.
 */
import { parseCorpusLine } from '../corpus-text.ts';
import { rowKey } from './snapshot.ts';

export const DELTA_FORMAT = 'sdc-delta/1';

export interface DeltaSummary {
  added: number;
  changed: number;
  removed: number;
}

/** Header (comment) lines and sorted rows of a snapshot text. */
function linesOf(text: string): { comments: string[]; rows: string[] } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let first = 0;
  while (first < lines.length && lines[first].startsWith('#')) first++;
  return { comments: lines.slice(0, first), rows: lines.slice(first) };
}

const keyOf = (row: string): string => rowKey(row) ?? '';

/**
 * What changes from one snapshot's rows to another's, in one merge of the sorted rows: the base rows
 * that go away, and the target rows that are new (`before` null) or replace a row of the same key.
 * The delta text and the console's preview of a publication both read it, so that what a curator
 * is shown is what clients receive.
 */
export interface SnapshotDiff {
  /** Rows of the base whose key is gone from the target (sorted). */
  removed: string[];
  /** Target rows that are new or changed (sorted), with the base row they replace. */
  upserts: { row: string; before: string | null }[];
}

export function diffSnapshots(baseText: string, targetText: string): SnapshotDiff {
  const base = linesOf(baseText).rows;
  const target = linesOf(targetText).rows;
  const removed: string[] = [];
  const upserts: SnapshotDiff['upserts'] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < target.length) {
    if (i < base.length && j < target.length && base[i] === target[j]) {
      i++;
      j++;
      continue;
    }
    const baseKey = i < base.length ? keyOf(base[i]) : null;
    const targetKey = j < target.length ? keyOf(target[j]) : null;
    if (baseKey !== null && targetKey !== null && baseKey === targetKey) {
      upserts.push({ row: target[j++], before: base[i++] });
    } else if (baseKey !== null && (targetKey === null || baseKey < targetKey)) {
      removed.push(base[i++]);
    } else {
      upserts.push({ row: target[j++], before: null });
    }
  }
  return { removed, upserts };
}

/** What a diff changes, counted. */
export function diffSummary(diff: SnapshotDiff): DeltaSummary {
  const added = diff.upserts.filter((upsert) => upsert.before === null).length;
  return { added, changed: diff.upserts.length - added, removed: diff.removed.length };
}

/** The delta from `baseText` (version `from`) to `targetText` (version `to`), and what it changes. */
export function deltaText(from: number, to: number, baseText: string, targetText: string): { text: string; summary: DeltaSummary } {
  const diff = diffSnapshots(baseText, targetText);
  const lines = [`${DELTA_FORMAT} ${from} ${to}`, ...linesOf(targetText).comments, ...diff.removed.map((row) => `-${keyOf(row)}`), ...diff.upserts.map((upsert) => `+${upsert.row}`)];
  return { text: `${lines.join('\n')}\n`, summary: diffSummary(diff) };
}

export type DeltaApplication = { ok: true; text: string } | { ok: false; reason: string };

/** First index in sorted `rows` whose key is not below `key`. */
function lowerBound(rows: readonly string[], key: string): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keyOf(rows[middle]) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Applies a delta to the snapshot of version `from`; any inconsistency is a failure, never a partial list. */
export function applyDelta(baseText: string, delta: string, from: number, to: number): DeltaApplication {
  const lines = delta.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines[0] !== `${DELTA_FORMAT} ${from} ${to}`) return { ok: false, reason: `delta header is not "${DELTA_FORMAT} ${from} ${to}"` };

  // Changes, by key: null removes the row, a row string adds or replaces it.
  const comments: string[] = [];
  const changes = new Map<string, string | null>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    const body = line.slice(1);
    const key = line.startsWith('-') ? body : line.startsWith('+') ? rowKey(body) : null;
    if (line.startsWith('#')) {
      comments.push(line);
      continue;
    }
    if (key === null) return { ok: false, reason: line.startsWith('+') ? `line ${n + 1}: malformed entry` : `line ${n + 1}: unknown line` };
    if (line.startsWith('+') && typeof parseCorpusLine(body) === 'string') return { ok: false, reason: `line ${n + 1}: malformed entry` };
    if (changes.has(key)) return { ok: false, reason: `entry ${key} appears twice` };
    changes.set(key, line.startsWith('+') ? body : null);
  }

  const rows = linesOf(baseText).rows;
  const out = comments;
  let cursor = 0;
  for (const key of [...changes.keys()].sort()) {
    const at = lowerBound(rows, key);
    if (at < cursor) return { ok: false, reason: 'local list is not sorted' };
    const exists = at < rows.length && keyOf(rows[at]) === key;
    const row = changes.get(key) ?? null;
    if (row === null && !exists) return { ok: false, reason: `removes ${key}, which the list does not have` };
    for (let r = cursor; r < at; r++) out.push(rows[r]);
    if (row !== null) out.push(row);
    cursor = exists ? at + 1 : at;
  }
  for (let r = cursor; r < rows.length; r++) out.push(rows[r]);
  return { ok: true, text: `${out.join('\n')}\n` };
}
