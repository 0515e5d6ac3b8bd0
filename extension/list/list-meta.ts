/** What the extension knows about a list besides its text. */
export interface ListMeta {
  format: 'sdc-corpus/1';
  /** 0 for the list bundled from the seed corpus; signed updates (issue 4) count up from there. */
  version: number;
  /** Day the list was made, `YYYY-MM-DD`. */
  createdAt: string;
  /** Active sources in the list. */
  sourceCount: number;
}

/** Where the bundled list sits in the built extension. */
export const BUNDLED_LIST_TEXT_PATH = 'list/sources.tsv';
export const BUNDLED_LIST_META_PATH = 'list/list-meta.json';

/** A metadata object read from a file or storage, checked field by field. */
export function parseListMeta(value: unknown): ListMeta | null {
  if (typeof value !== 'object' || value === null) return null;
  const { format, version, createdAt, sourceCount } = value as Record<string, unknown>;
  if (format !== 'sdc-corpus/1') return null;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return null;
  if (typeof createdAt !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(createdAt)) return null;
  if (typeof sourceCount !== 'number' || !Number.isInteger(sourceCount) || sourceCount < 0) return null;
  return { format, version, createdAt, sourceCount };
}
