/** A source as the database holds it: the corpus model plus what curation keeps beside it. */
import type { Selectable } from 'kysely';
import type { Source } from '../../corpus/source.ts';
import type { SourcesTable } from '../db/schema.ts';
import { type ValidationState, validationState } from './validation-state.ts';

export interface StoredSource extends Source {
  validation: ValidationState;
  revision: number;
  updatedAt: string;
}

export const SOURCE_FIELDS = ['id', 'host', 'scope', 'path', 'category', 'status', 'name', 'code', 'provenance'] as const satisfies readonly (keyof Source)[];

export function storedSourceFromRow(row: Selectable<SourcesTable>): StoredSource {
  return {
    id: row.id,
    host: row.host,
    scope: row.scope,
    path: row.path,
    category: row.category,
    status: row.status,
    name: row.name,
    code: row.code,
    provenance: row.provenance,
    validation: row.validation,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/** The corpus fields only, in corpus column order (what events record and exports write). */
export function plainSource(source: Source): Source {
  const { id, host, scope, path, category, status, name, code, provenance } = source;
  return { id, host, scope, path, category, status, name, code, provenance };
}

/** Lowercase, without diacritics: the order French readers expect from a list of names. */
export function nameSortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** The row that stores a source; the derived columns are computed here, on every write. */
export function sourceRow(source: Source, revision: number, updatedAt: string): Omit<Selectable<SourcesTable>, 'seq'> {
  return { ...plainSource(source), name_key: nameSortKey(source.name), validation: validationState(source.provenance), revision, updated_at: updatedAt };
}
