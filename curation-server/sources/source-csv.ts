/**
 * Sources as CSV: the corpus columns, in corpus order. Exports write all of them; imports need
 * every column but `id` (absent or empty for new sources) and `provenance` (kept when absent).
 */
import { CORPUS_COLUMNS } from '../../corpus/corpus-text.ts';
import type { Source } from '../../corpus/source.ts';
import { type CsvRecord, parseCsv, serializeCsv } from './csv.ts';

type Column = (typeof CORPUS_COLUMNS)[number];
const OPTIONAL_COLUMNS: readonly Column[] = ['id', 'provenance'];

export function sourcesCsv(sources: readonly Source[]): string {
  return serializeCsv([CORPUS_COLUMNS, ...sources.map((source) => CORPUS_COLUMNS.map((column) => source[column]))]);
}

/** One data line of an import: the cells of the columns it has, by column name. */
export interface ImportRow {
  line: number;
  cells: Partial<Record<Column, string>>;
  /** Set when the line does not have as many cells as the header. */
  cellCount?: { found: number; expected: number };
}

export type CsvFileIssue =
  | { code: 'empty' }
  | { code: 'unclosed-quote'; line: number }
  | { code: 'missing-columns'; columns: string[] }
  | { code: 'unknown-columns'; columns: string[] }
  | { code: 'duplicate-columns'; columns: string[] };

export type ImportRows = { ok: true; rows: ImportRow[] } | { ok: false; issue: CsvFileIssue };

function isColumn(name: string): name is Column {
  return (CORPUS_COLUMNS as readonly string[]).includes(name);
}

/** The lines of an import file, each cell under its column's name; a file whose header is wrong is refused whole. */
export function importRows(text: string): ImportRows {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, issue: { code: 'unclosed-quote', line: parsed.line } };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, issue: { code: 'empty' } };
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const unknown = names.filter((name) => !isColumn(name));
  if (unknown.length > 0) return { ok: false, issue: { code: 'unknown-columns', columns: unknown } };
  const duplicated = names.filter((name, index) => names.indexOf(name) !== index);
  if (duplicated.length > 0) return { ok: false, issue: { code: 'duplicate-columns', columns: [...new Set(duplicated)] } };
  const missing = CORPUS_COLUMNS.filter((column) => !OPTIONAL_COLUMNS.includes(column) && !names.includes(column));
  if (missing.length > 0) return { ok: false, issue: { code: 'missing-columns', columns: missing } };
  return { ok: true, rows: records.map((record) => importRow(record, names as Column[])) };
}

function importRow(record: CsvRecord, columns: readonly Column[]): ImportRow {
  const cells: Partial<Record<Column, string>> = {};
  columns.forEach((column, index) => {
    cells[column] = record.cells[index] ?? '';
  });
  const row: ImportRow = { line: record.line, cells };
  if (record.cells.length !== columns.length) row.cellCount = { found: record.cells.length, expected: columns.length };
  return row;
}

export function csvFileIssueMessage(issue: CsvFileIssue, lang: 'fr' | 'en'): string {
  const fr = lang === 'fr';
  const list = (columns: string[]) => columns.map((column) => (fr ? `« ${column} »` : `"${column}"`)).join(', ');
  switch (issue.code) {
    case 'empty':
      return fr ? 'Le fichier est vide.' : 'The file is empty.';
    case 'unclosed-quote':
      return fr
        ? `Guillemet non refermé à partir de la ligne ${issue.line}.`
        : `Unclosed quote from line ${issue.line}.`;
    case 'missing-columns':
      return fr ? `Colonnes manquantes dans la première ligne : ${list(issue.columns)}.` : `Missing columns in the first line: ${list(issue.columns)}.`;
    case 'unknown-columns':
      return fr
        ? `Colonnes inconnues : ${list(issue.columns)}. Colonnes permises : ${list([...CORPUS_COLUMNS])}.`
        : `Unknown columns: ${list(issue.columns)}. Allowed columns: ${list([...CORPUS_COLUMNS])}.`;
    case 'duplicate-columns':
      return fr ? `Colonnes en double : ${list(issue.columns)}.` : `Duplicated columns: ${list(issue.columns)}.`;
  }
}
