/**
 * Sources as CSV: the corpus columns, in corpus order. Exports write all of them — with the codes,
 * or for spreadsheets with French headers and labels, `;`-separated, with a BOM. Imports name
 * columns in French or English (import-columns.ts) and need only the hostname.
 */
import { CORPUS_COLUMNS } from '../../corpus/corpus-text.ts';
import type { Source } from '../../corpus/source.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { type CsvRecord, parseCsv, serializeCsv } from './csv.ts';
import { type Column, choiceLabel, COLUMN_NAMES, columnNamed, frenchHeader } from './import-columns.ts';

const REQUIRED_COLUMNS: readonly Column[] = ['host'];

export function sourcesCsv(sources: readonly Source[]): string {
  return serializeCsv([CORPUS_COLUMNS, ...sources.map((source) => CORPUS_COLUMNS.map((column) => source[column]))]);
}

/**
 * For French spreadsheet software: `;` between cells, a BOM so that UTF-8 is recognised, French
 * headers and labels. Imports read it back as it is.
 */
export function sourcesSpreadsheetCsv(sources: readonly Source[]): string {
  const cell = (source: Source, column: Column) =>
    column === 'scope' || column === 'category' || column === 'status' ? choiceLabel(column, source[column] as never, 'fr') : source[column];
  const rows = [CORPUS_COLUMNS.map(frenchHeader), ...sources.map((source) => CORPUS_COLUMNS.map((column) => cell(source, column)))];
  return `\uFEFF${serializeCsv(rows, ';')}`;
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

/** The lines of an import file, each cell under its column's name; a file whose header is wrong is refused whole. */
export function importRows(text: string): ImportRows {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, issue: { code: 'unclosed-quote', line: parsed.line } };
  const [header, ...records] = parsed.records;
  if (header === undefined) return { ok: false, issue: { code: 'empty' } };
  const names = header.cells.map((cell) => cell.trim());
  const columns = names.map(columnNamed);
  const unknown = names.filter((_, index) => columns[index] === undefined);
  if (unknown.length > 0) return { ok: false, issue: { code: 'unknown-columns', columns: unknown } };
  const known = columns as Column[];
  const duplicated = names.filter((_, index) => known.indexOf(known[index]) !== known.lastIndexOf(known[index]));
  if (duplicated.length > 0) return { ok: false, issue: { code: 'duplicate-columns', columns: [...new Set(duplicated)] } };
  const missing = REQUIRED_COLUMNS.filter((column) => !known.includes(column));
  if (missing.length > 0) return { ok: false, issue: { code: 'missing-columns', columns: [...missing] } };
  return { ok: true, rows: records.map((record) => importRow(record, known)) };
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
  const m = MESSAGES[lang];
  const t = m.csvFileIssues;
  const list = (columns: string[]) => columns.map(m.quote).join(', ');
  switch (issue.code) {
    case 'empty':
      return t.empty;
    case 'unclosed-quote':
      return t.unclosedQuote(issue.line);
    case 'missing-columns':
      return t.missingColumns(list(issue.columns.map((column) => COLUMN_NAMES[column as Column]?.[lang][0] ?? column)));
    case 'unknown-columns': {
      const names = (column: Column) => {
        const [first, ...others] = COLUMN_NAMES[column][lang];
        return others.length === 0 ? m.quote(first) : t.columnAliases(m.quote(first), list(others));
      };
      return t.unknownColumns(list(issue.columns), CORPUS_COLUMNS.map(names).join(', '), CORPUS_COLUMNS.join(', '));
    }
    case 'duplicate-columns':
      return t.duplicateColumns(list(issue.columns));
  }
}
