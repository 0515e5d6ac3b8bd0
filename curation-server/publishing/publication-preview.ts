/**
 * What the next publication changes for the public, read from the same diff of snapshots that
 * writes the delta clients receive (corpus/list/delta.ts `diffSnapshots`): the sources that enter
 * the list, those that stay with other fields, and those that leave it, each leaving for the reason
 * its status says (suspended or removed), or because its address changed. Pure: the caller reads
 * the published snapshot, the sources and their statuses.
 */
import { parseCorpusLine } from '../../corpus/corpus-text.ts';
import { diffSnapshots } from '../../corpus/list/delta.ts';
import { rowKey } from '../../corpus/list/snapshot.ts';
import type { Source, Status } from '../../corpus/source.ts';

/** What a client row carries that can change under the same hostname and path. */
export const PUBLISHED_FIELDS = ['scope', 'category', 'name', 'code'] as const satisfies readonly (keyof Source)[];
export type PublishedField = (typeof PUBLISHED_FIELDS)[number];

/** A source as the list shows it to the public. */
export type PreviewEntry = Pick<Source, 'host' | 'path' | 'scope' | 'category' | 'name' | 'code'>;

/** Why a source leaves the list: its status now, or no source at that address any more (hostname or path corrected). */
export type LeavingReason = Exclude<Status, 'active'> | 'moved';
export const LEAVING_REASONS = ['suspended', 'removed', 'moved'] as const satisfies readonly LeavingReason[];

export interface PreviewCounts {
  added: number;
  changed: number;
  /** Every source leaving the list: the sum of `leaving`. */
  removed: number;
  leaving: Record<LeavingReason, number>;
}

export interface PublicationPreview {
  /** The version the next one is compared with; null before the first publication (everything is added). */
  base: number | null;
  /** Sources in the next version. */
  sources: number;
  counts: PreviewCounts;
  /** The first entries of each kind (`limit`), in list order. */
  added: PreviewEntry[];
  changed: { entry: PreviewEntry; before: PreviewEntry; fields: PublishedField[] }[];
  leaving: { entry: PreviewEntry; reason: LeavingReason }[];
}

export const PREVIEW_LIMIT = 100;

function entryOf(row: string): PreviewEntry {
  const source = parseCorpusLine(row);
  // Both texts are snapshots this server wrote from validated sources.
  if (typeof source === 'string') throw new Error(`unreadable snapshot row: ${source}`);
  const { host, path, scope, category, name, code } = source;
  return { host, path, scope, category, name, code };
}

/**
 * `statusAt`: the status of the source that holds a hostname and path now (`host\tpath`, the
 * snapshot's row key), or undefined when none does.
 */
export function publicationPreview(options: {
  base: { version: number; snapshotText: string } | null;
  targetText: string;
  statusAt: (key: string) => Status | undefined;
  limit?: number;
}): PublicationPreview {
  const limit = options.limit ?? PREVIEW_LIMIT;
  const diff = diffSnapshots(options.base?.snapshotText ?? '', options.targetText);
  const counts: PreviewCounts = { added: 0, changed: 0, removed: diff.removed.length, leaving: { suspended: 0, removed: 0, moved: 0 } };
  const preview: PublicationPreview = { base: options.base?.version ?? null, sources: 0, counts, added: [], changed: [], leaving: [] };
  for (const { row, before } of diff.upserts) {
    if (before === null) {
      counts.added++;
      if (preview.added.length < limit) preview.added.push(entryOf(row));
      continue;
    }
    counts.changed++;
    if (preview.changed.length >= limit) continue;
    const [entry, previous] = [entryOf(row), entryOf(before)];
    preview.changed.push({ entry, before: previous, fields: PUBLISHED_FIELDS.filter((field) => entry[field] !== previous[field]) });
  }
  for (const row of diff.removed) {
    const status = options.statusAt(rowKey(row) ?? '');
    const reason: LeavingReason = status === 'suspended' || status === 'removed' ? status : 'moved';
    counts.leaving[reason]++;
    if (preview.leaving.length < limit) preview.leaving.push({ entry: entryOf(row), reason });
  }
  for (const line of options.targetText.split('\n')) if (line !== '' && !line.startsWith('#')) preview.sources++;
  return preview;
}

export function hasChanges(preview: PublicationPreview): boolean {
  return preview.counts.added + preview.counts.changed + preview.counts.removed > 0;
}
