/**
 * A list snapshot: the canonical text of the active sources as clients receive them (corpus text
 * format, ids and provenance left out — see `clientSources`), under a fixed header that names the
 * format and carries the data credit. Same sources → byte-identical text, so its SHA-256 names the
 * resulting list whether a client got it whole or by applying deltas.
 */
import { clientSources, nextCellStart, serializeCorpusText } from '../corpus-text.ts';
import { DATA_CREDIT } from '../credit.ts';
import { type Source, sourceKey } from '../source.ts';

export const SNAPSHOT_FORMAT = 'sdc-list/1';
export const SNAPSHOT_HEADER = [SNAPSHOT_FORMAT, DATA_CREDIT.fr, DATA_CREDIT.en];

export function snapshotText(sources: readonly Source[]): string {
  const client = clientSources(sources);
  const keys = new Set<string>();
  for (const source of client) {
    const key = sourceKey(source);
    if (keys.has(key)) throw new Error(`two active sources claim ${key}`);
    keys.add(key);
  }
  return serializeCorpusText(client, SNAPSHOT_HEADER);
}

/** The key of a row of a corpus text (`host` + tab + `path`): fields 2 and 4. */
export function rowKey(row: string): string | null {
  const hostStart = nextCellStart(row, 0);
  const scopeStart = nextCellStart(row, hostStart);
  const pathStart = nextCellStart(row, scopeStart);
  const categoryStart = nextCellStart(row, pathStart);
  if (hostStart === 0 || scopeStart === 0 || pathStart === 0 || categoryStart === 0) return null;
  return `${row.slice(hostStart, scopeStart - 1)}\t${row.slice(pathStart, categoryStart - 1)}`;
}
