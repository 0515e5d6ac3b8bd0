/**
 * A newer signed version as its difference from the list a client was built with: what the
 * extension keeps in storage instead of the whole list, so that a result page reads a few
 * kilobytes, not megabytes, before it marks (extension/list/current-list.ts).
 *
 * Two forms of the same difference: the delta from the bundled snapshot (delta.ts), from which the
 * newer snapshot text is rebuilt when the next update needs it, and a compact patch
 * (patched-list-index.ts) that matching reads in place.
 */
import { parseCorpusLine, tsvCell } from '../corpus-text.ts';
import { encodeCompactList } from '../matching/compact-list-encoder.ts';
import type { Source } from '../source.ts';
import { applyDelta, deltaText } from './delta.ts';
import type { LocalList } from './list-update.ts';
import { rowKey } from './snapshot.ts';

export interface ListPatch {
  /** The delta (sdc-delta/1) from the bundled snapshot to the newer one. */
  fromBundled: string;
  /** The compact patch over the bundled compact list. */
  compact: string;
}

/** The hostname field of a delta key (`host\tpath`). */
function hostOfKey(key: string): string {
  return tsvCell(key, 0) ?? '';
}

/** The difference from `bundled` to `target`, both snapshot texts; the patch carries `comments` (the data credit). */
export function listPatch(bundled: LocalList, target: LocalList, comments: readonly string[]): ListPatch {
  const fromBundled = deltaText(bundled.version, target.version, bundled.text, target.text).text;
  const replacedHosts = new Set<string>();
  for (const line of fromBundled.split('\n')) {
    if (line.startsWith('-')) replacedHosts.add(hostOfKey(line.slice(1)));
    else if (line.startsWith('+')) replacedHosts.add(hostOfKey(rowKey(line.slice(1)) ?? ''));
  }
  replacedHosts.delete('');
  // Every source a replaced hostname has now, changed or not (its other paths).
  const sources: Source[] = [];
  for (const line of target.text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (!replacedHosts.has(tsvCell(line, 1) ?? '')) continue;
    const source = parseCorpusLine(line);
    // A line the list cannot read never matches (as loadMatcher does).
    if (typeof source !== 'string') sources.push(source);
  }
  return { fromBundled, compact: encodeCompactList(sources, comments, { replacedHosts: [...replacedHosts].sort() }) };
}

/** The newer snapshot text again, from the bundled one and the delta kept; null if they do not fit together. */
export function patchedSnapshot(bundled: LocalList, version: number, fromBundled: string): LocalList | null {
  const applied = applyDelta(bundled.text, fromBundled, bundled.version, version);
  return applied.ok ? { version, text: applied.text } : null;
}
