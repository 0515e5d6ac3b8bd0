/**
 * What an import file would do to the list, line by line — added, changed, unchanged, or refused
 * with the reasons — decided from the file and the sources as they are. Pure: the preview shows
 * this plan, and applying re-plans and compares digests, so what is applied is what was shown.
 */
import { createHash } from 'node:crypto';
import { canonicalSourceHost, normalizePathPrefix, validateSource } from '../../corpus/source-validation.ts';
import { type Source, sourceKey } from '../../corpus/source.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { type ChoiceField, readChoice, validChoices } from './import-columns.ts';
import { readPastedAddress } from './pasted-address.ts';
import type { ImportRow } from './source-csv.ts';
import { changedFields } from './source-changes.ts';
import { uniquenessIssues } from './source-store.ts';
import type { StoredSource } from './stored-source.ts';
import { CURATED_PROVENANCE } from './validation-state.ts';
import { type WriteIssue, writeIssueMessage } from './write-issues.ts';

export interface ExistingSources {
  byId: ReadonlyMap<string, StoredSource>;
  byKey: ReadonlyMap<string, StoredSource>;
}

export function indexSources(sources: readonly StoredSource[]): ExistingSources {
  return { byId: new Map(sources.map((source) => [source.id, source])), byKey: new Map(sources.map((source) => [sourceKey(source), source])) };
}

export type ImportIssue =
  | WriteIssue
  | { field?: undefined; code: 'cell-count'; found: number; expected: number }
  | { field: keyof Source; code: 'duplicate-in-file'; otherLine: number }
  | { field: ChoiceField; code: 'unknown-value'; value: string };

/** What a new source gets for a column the file does not have (or leaves empty): the narrowest scope, the most general category. */
export const IMPORT_DEFAULTS = { scope: 'host', category: 'autre', status: 'active' } as const satisfies Record<ChoiceField, string>;

export type PlannedLine =
  | { line: number; kind: 'added'; source: Source; generatedId: boolean; defaulted: ChoiceField[] }
  | { line: number; kind: 'changed'; before: StoredSource; after: Source; fields: (keyof Source)[] }
  | { line: number; kind: 'unchanged'; source: StoredSource }
  | { line: number; kind: 'error'; issues: ImportIssue[]; /** The line's hostname as written, for the reader to find it. */ host: string };

export type LineKind = PlannedLine['kind'];

export interface ImportPlan {
  lines: PlannedLine[];
  counts: Record<LineKind, number>;
}

/** Spreadsheets often hold whole addresses (`https://www.mairie-x.fr/`): the hostname (and, for the path scope, the path) is read out of them. */
function withAddressRead(cells: ImportRow['cells']): ImportRow['cells'] {
  const scope = readChoice('scope', cells.scope ?? '') ?? '';
  const address = readPastedAddress({ host: cells.host ?? '', scope, path: cells.path ?? '' });
  if (address.kind === 'hostname') return cells;
  return { ...cells, host: address.host, ...(scope === 'path' ? { path: address.path } : {}) };
}

function filled(cell: string | undefined): string | undefined {
  return cell === undefined || cell.trim() === '' ? undefined : cell;
}

function planLine(row: ImportRow, existing: ExistingSources, newId: () => string, seen: { ids: Map<string, number>; keys: Map<string, number> }): PlannedLine {
  const { line } = row;
  const typedHost = (row.cells.host ?? '').trim();
  const cells = withAddressRead(row.cells);
  if (row.cellCount !== undefined) return { line, kind: 'error', host: typedHost, issues: [{ code: 'cell-count', ...row.cellCount }] };
  const givenId = (cells.id ?? '').trim();
  let target = givenId === '' ? undefined : existing.byId.get(givenId);
  if (givenId === '') {
    // The source this line is about, if listed: its values stand for the columns the file leaves out.
    const host = canonicalSourceHost(cells.host ?? '');
    if (host !== null) target = existing.byKey.get(sourceKey({ host, path: normalizePathPrefix(cells.path ?? '') ?? '' }));
  }
  const defaulted: ChoiceField[] = [];
  const choiceIssues: ImportIssue[] = [];
  const choice = (field: ChoiceField): string => {
    const cell = (cells[field] ?? '').trim();
    if (cell === '') {
      if (target !== undefined) return target[field];
      defaulted.push(field);
      return field === 'scope' && (cells.path ?? '').trim() !== '' ? 'path' : IMPORT_DEFAULTS[field];
    }
    const value = readChoice(field, cell);
    if (value === undefined) choiceIssues.push({ field, code: 'unknown-value', value: cell });
    return value ?? cell;
  };
  const draft = {
    id: givenId === '' ? (target?.id ?? newId()) : givenId,
    host: cells.host ?? '',
    scope: choice('scope'),
    path: cells.path ?? target?.path ?? '',
    category: choice('category'),
    status: choice('status'),
    // An empty cell says nothing (spreadsheets leave what is unknown empty): a listed source keeps its value.
    name: filled(cells.name) ?? target?.name ?? '',
    code: filled(cells.code) ?? target?.code ?? '',
    provenance: cells.provenance ?? target?.provenance ?? CURATED_PROVENANCE,
  };
  const validation = validateSource(draft);
  if (choiceIssues.length > 0 || !validation.ok) {
    // A value not understood is said once, with the valid ones, not again as the validation's own refusal.
    const others = validation.ok ? [] : validation.issues.filter((issue) => !choiceIssues.some((choiceIssue) => choiceIssue.field === issue.field));
    return { line, kind: 'error', host: typedHost, issues: [...choiceIssues, ...others] };
  }
  let source = validation.source;
  const key = sourceKey(source);
  if (givenId === '') {
    // Without an id, a line about a hostname and path already listed updates that source.
    target = existing.byKey.get(key);
    if (target !== undefined) source = { ...source, id: target.id, provenance: cells.provenance?.trim() ?? target.provenance };
  }
  const issues: ImportIssue[] = uniquenessIssues(source, target?.id ?? null, { keyHolder: existing.byKey.get(key), idTaken: target === undefined && existing.byId.has(source.id) });
  const sameId = seen.ids.get(source.id);
  if (sameId !== undefined) issues.push({ field: 'id', code: 'duplicate-in-file', otherLine: sameId });
  const sameKey = seen.keys.get(key);
  if (sameKey !== undefined && sameKey !== sameId) issues.push({ field: source.scope === 'path' ? 'path' : 'host', code: 'duplicate-in-file', otherLine: sameKey });
  seen.ids.set(source.id, line);
  seen.keys.set(key, line);
  if (issues.length > 0) return { line, kind: 'error', host: typedHost, issues };
  if (target === undefined) return { line, kind: 'added', source, generatedId: givenId === '', defaulted };
  const fields = changedFields(target, source);
  return fields.length === 0 ? { line, kind: 'unchanged', source: target } : { line, kind: 'changed', before: target, after: source, fields };
}

/** `newId` names the sources added without an id. */
export function planImport(rows: readonly ImportRow[], existing: ExistingSources, newId: () => string): ImportPlan {
  const seen = { ids: new Map<string, number>(), keys: new Map<string, number>() };
  const lines = rows.map((row) => planLine(row, existing, newId, seen));
  const counts: Record<LineKind, number> = { added: 0, changed: 0, unchanged: 0, error: 0 };
  for (const line of lines) counts[line.kind]++;
  return { lines, counts };
}

/**
 * A fingerprint of what the plan would do: the same file planned against the same sources gives
 * the same digest (ids generated for new sources left out), and any change in between does not.
 */
export function planDigest(plan: ImportPlan): string {
  const facts = plan.lines.map((line) => {
    switch (line.kind) {
      case 'added':
        return [line.line, 'added', { ...line.source, id: line.generatedId ? '' : line.source.id }];
      case 'changed':
        return [line.line, 'changed', line.before.id, line.before.revision, line.after];
      case 'unchanged':
        return [line.line, 'unchanged', line.source.id, line.source.revision];
      case 'error':
        return [line.line, 'error', line.issues.map((issue) => issue.code)];
    }
  });
  return createHash('sha256').update(JSON.stringify(facts)).digest('base64url');
}

export function importIssueMessage(issue: ImportIssue, lang: 'fr' | 'en'): string {
  const m = MESSAGES[lang];
  switch (issue.code) {
    case 'cell-count':
      return m.importIssues.cellCount(issue.found, issue.expected);
    case 'unknown-value': {
      const valid = validChoices(issue.field, lang).map(m.quote).join(', ');
      return m.importIssues.unknownValue(issue.value, m.fields[issue.field], valid);
    }
    case 'duplicate-in-file':
      return m.importIssues.duplicateInFile(m.fields[issue.field], issue.otherLine);
    default:
      return writeIssueMessage(issue, lang);
  }
}
